// One real system (servers, service processes and the dashboard) for the whole suite; on a 2-core machine tests must not compete.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
