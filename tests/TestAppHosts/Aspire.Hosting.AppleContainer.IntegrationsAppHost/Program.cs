using Aspire.Hosting.AppleContainer.IntegrationsAppHost;
using Aspire.Hosting.AppleContainer.IntegrationsAppHost.Nats;

// An AppHost as a user writes it with Aspire's own integration packages (13.6.5): nothing in it knows about the
// container runtime except the one-line switch below. Each integration finds its image under the name and tag the
// package asks for, built locally from Debian's packages by eng/build-test-images.sh (no registry, no pull).
var builder = DistributedApplication.CreateBuilder(args);

builder.UseAppleContainerRuntime();

// PostgreSQL: the init files are copied into the container (WithContainerFiles) and run once by its entrypoint; a
// project on the host reads the table they seeded.
var postgres = builder.AddPostgres(AppModel.Postgres)
    .WithInitFiles("postgres-init");
builder.AddProject<Projects.Aspire_Hosting_AppleContainer_PostgresReaderApp>(AppModel.PostgresReader)
    .WithHttpEndpoint(name: "http")
    .WithReference(postgres)
    .WaitFor(postgres);

// Redis, and a container that reaches it by its resource name and target port, as a user string or an admin UI would.
var cache = builder.AddRedis(AppModel.Redis);
builder.AddContainer(AppModel.RedisProbe, "localhost/actr-test/redis", "7.0")
    .WithEntrypoint("/bin/sh")
    .WithArgs("-c", AppModel.RedisProbeScript)
    .WithEnvironment("REDIS_PASSWORD", cache.Resource.PasswordParameter!)
    .WithReference(cache)
    .WaitFor(cache);

// NATS, modelled as Aspire.Hosting.Nats models it (that package is not served by this project's feed): its default
// password is a secret parameter passed as the `--pass` argument.
builder.AddNatsModel(AppModel.Nats);

builder.Build().Run();
