// Every test here runs against one real system (servers and service processes); on a 2-core machine suites must not compete.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
