// One real system (servers and service processes) for the whole suite; on a 2-core machine tests must not compete.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
