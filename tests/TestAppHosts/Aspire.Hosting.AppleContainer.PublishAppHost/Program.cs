using Aspire.Hosting;

#pragma warning disable ASPIRECOMPUTE003 // AddContainerRegistry is experimental in Aspire 13.6.5.
#pragma warning disable ASPIREDOCKERFILEBUILDER001 // WithDockerfileBaseImage is experimental in Aspire 13.6.5.

// The publish tests' AppHost, run as `dotnet run -- --operation publish --step push`. Its resources are named after
// ACTR_PUBLISH_PREFIX (so every run's images are its own) and pushed to the registry ACTR_PUBLISH_REGISTRY
// (127.0.0.1:PORT, the test's docker-registry) under the repository ACTR_PUBLISH_REPOSITORY:
//   <prefix>-web  AddAppleContainerFromDockerfile (web/Dockerfile: busybox httpd answering "actr-publish-web" on 8080)
//   <prefix>-local  AddAppleContainer of the local image localhost/actr-test/service (answers "actr-test-service")
//   <prefix>-api  the PublishApiApp project (answers "actr-publish-api" on 8080), built by the .NET SDK on the base image
//                 ACTR_PUBLISH_BASE_IMAGE (in the same registry: the SDK pulls its base from a registry only)
// ACTR_PUBLISH_ONLY_DOCKERFILE=true leaves the project out. The runtime comes from the environment (ASPIRE_APPLECONTAINER_RUNTIME, ASPIRE_APPLECONTAINER_CLI).
var builder = DistributedApplication.CreateBuilder(args);
string Setting(string name) => builder.Configuration[name] ?? throw new InvalidOperationException($"{name} is not set.");

var prefix = Setting("ACTR_PUBLISH_PREFIX");
builder.AddContainerRegistry("registry", Setting("ACTR_PUBLISH_REGISTRY"), Setting("ACTR_PUBLISH_REPOSITORY"));
builder.AddAppleContainerFromDockerfile($"{prefix}-web", "web")
    .WithHttpEndpoint(targetPort: 8080);
// A local-only image, as an AppleContainerImage item builds during `dotnet build`: pushed by `aspire do push` too.
builder.AddAppleContainer($"{prefix}-local", "localhost/actr-test/service", "latest")
    .WithHttpEndpoint(targetPort: 8080);
if (builder.Configuration["ACTR_PUBLISH_ONLY_DOCKERFILE"] != "true")
{
    builder.AddProject<Projects.Aspire_Hosting_AppleContainer_PublishApiApp>($"{prefix}-api")
        .WithDockerfileBaseImage(runtimeImage: Setting("ACTR_PUBLISH_BASE_IMAGE"));
}

builder.Build().Run();
