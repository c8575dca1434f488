using Microsoft.Extensions.Configuration;

var builder = DistributedApplication.CreateBuilder(args);

var postgres = builder.AddPostgres("postgres");
var seatsDb = postgres.AddDatabase("seatsdb");
var identitiesDb = postgres.AddDatabase("identitiesdb");
var invitationsDb = postgres.AddDatabase("invitationsdb");

var rabbitmq = builder.AddRabbitMQ("rabbitmq");

// The services wait for their database (migrations run first thing) but not for the broker: their .NET start overlaps
// the broker's Erlang boot, and each holds its bus until the broker accepts connections (BrokerReachableGate). A
// service is healthy only once its bus is connected either way; the start is about 1 s shorter (BENCHMARKS.md).
var seatService = builder.AddProject<Projects.Outreach_SeatService>("seat-service")
    .WithReference(seatsDb).WaitFor(seatsDb)
    .WithReference(rabbitmq)
    .WithOperatorToken()
    .WithDemoAccount()
    .WithReplicas(builder.Configuration.GetValue("Replicas:seat-service", 1));

// Plays LinkedIn behind a Unipile-shaped provider API: no database, no broker, state in memory.
var linkedInSandbox = builder.AddProject<Projects.Outreach_LinkedInSandbox>("linkedin-sandbox");

var identityService = builder.AddProject<Projects.Outreach_IdentityService>("identity-service")
    .WithReference(identitiesDb).WaitFor(identitiesDb)
    .WithReference(rabbitmq)
    .WithReference(seatService)
    .WithReference(linkedInSandbox)
    // The connect-link flow: seat-service calls identity-service's /internal routes with the operator token.
    .WithOperatorToken()
    .WithReplicas(builder.Configuration.GetValue("Replicas:identity-service", 1));
seatService.WithReference(identityService);

builder.AddProject<Projects.Outreach_InvitationService>("invitation-service")
    .WithReference(invitationsDb).WaitFor(invitationsDb)
    .WithReference(rabbitmq)
    .WithReference(seatService)
    .WithReference(identityService)
    .WithReference(linkedInSandbox)
    .WithReplicas(builder.Configuration.GetValue("Replicas:invitation-service", 1));

builder.Build().Run();
