// The system-level fixtures start PostgreSQL, RabbitMQ and every service: one at a time on 2 cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
