using AppleContainerSample.AppHost;

var builder = DistributedApplication.CreateBuilder(args);

// Redis runs in a container (a VM of its own on Apple's runtime). The image is configuration: the public image by
// default, localhost/actr-test/redis:7.0 from eng/run-sample.sh where no registry is reachable.
var redisImage = ImageReference.Parse(builder.Configuration["SampleImages:Redis"] ?? "docker.io/library/redis:7.4");
var redis = builder.AddAppleContainer("redis", redisImage.Repository, redisImage.Tag)
    .WithEndpoint(targetPort: 6379, name: "tcp")
    .WithArgs("redis-server", "--protected-mode", "no", "--dir", "/data", "--appendonly", "yes")
    // A named volume outlives the container: the visit count survives restarts of the AppHost.
    .WithVolume(builder.Configuration["SampleVolumes:Redis"] ?? "applecontainer-sample-redis-data", "/data")
    .WithRedisPingHealthCheck("tcp");

// The connection string the API reads (ConnectionStrings__cache), built from the container's endpoint.
var cache = builder.AddConnectionString("cache", ReferenceExpression.Create($"{redis.GetEndpoint("tcp").Property(EndpointProperty.HostAndPort)}"));

// A .NET project on the host, started once Redis answers PING.
var api = builder.AddProject<Projects.AppleContainerSample_Api>("api")
    .WithHttpEndpoint()
    .WithReference(cache)
    .WaitFor(redis)
    .WithHttpHealthCheck("/health");

// A busybox web front, its image built from web/Dockerfile during `dotnet build` (the AppleContainerImage item in the
// project file). It calls the API on the host: the integration resolves API_URL to an address the container reaches.
builder.AddAppleContainer("web", AppleContainerImages.Web.Image, AppleContainerImages.Web.Tag)
    .WithHttpEndpoint(targetPort: 8080)
    .WithEnvironment("API_URL", api.GetEndpoint("http"))
    .WaitFor(api)
    .WithHttpHealthCheck("/cgi-bin/health");

builder.Build().Run();
