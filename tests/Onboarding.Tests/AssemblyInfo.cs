// Every test here runs against one real system (servers, service processes and a browser); on a 2-core machine suites must not compete.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
