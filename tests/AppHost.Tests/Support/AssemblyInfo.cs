using Xunit;

// Every test here runs real servers and services; on a 2-core machine they must not compete with each other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
