// One real system under load and faults; on a 2-core machine nothing may compete with it.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
