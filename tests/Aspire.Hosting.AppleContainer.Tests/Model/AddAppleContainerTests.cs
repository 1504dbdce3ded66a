using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Model;
using Aspire.Hosting.AppleContainer.Orchestration;
using Aspire.Hosting.AppleContainer.Tests.Support;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.AppleContainer.Tests.Model;

public class AddAppleContainerTests
{
    [Fact]
    public void AddAppleContainer_adds_a_container_resource_with_the_image_and_tag()
    {
        var builder = ModelApp.CreateBuilder();

        var web = builder.AddAppleContainer("web", "docker.io/library/nginx", "1.27");

        Assert.IsAssignableFrom<ContainerResource>(web.Resource);
        var image = Assert.Single(web.Resource.Annotations.OfType<ContainerImageAnnotation>());
        Assert.Equal(("docker.io/library/nginx", "1.27"), (image.Image, image.Tag));
    }

    [Fact]
    public void AddAppleContainer_uses_the_latest_tag_when_none_is_given()
    {
        var builder = ModelApp.CreateBuilder();

        var web = builder.AddAppleContainer("web", "nginx");

        Assert.Equal("latest", Assert.Single(web.Resource.Annotations.OfType<ContainerImageAnnotation>()).Tag);
    }

    [Fact]
    public void AddAppleContainerFromDockerfile_records_the_context_dockerfile_and_stage()
    {
        var builder = ModelApp.CreateBuilder();
        var context = Directory.CreateTempSubdirectory("engd-ctx-").FullName;
        try
        {
            var app = builder.AddAppleContainerFromDockerfile("app", context, "build/Dockerfile", "final");

            var build = Assert.Single(app.Resource.Annotations.OfType<DockerfileBuildAnnotation>());
            Assert.Equal(context, build.ContextPath);
            Assert.Equal(Path.Combine(context, "build/Dockerfile"), build.DockerfilePath);
            Assert.Equal("final", build.Stage);
            Assert.Single(app.Resource.Annotations.OfType<ContainerImageAnnotation>());
        }
        finally
        {
            Directory.Delete(context, recursive: true);
        }
    }

    [Fact]
    public async Task The_limit_init_and_label_verbs_are_container_runtime_args_so_DCP_passes_them_to_run_too()
    {
        var builder = ModelApp.CreateBuilder();

        var web = builder.AddContainer("web", "nginx")
            .WithCpus(1.5).WithMemory(512L * 1024 * 1024).WithInit().WithContainerLabel("team", "payments");

        // What DCP reads: the values the ContainerRuntimeArgsCallbackAnnotations add, in order.
        var args = new List<object>();
        var context = new ContainerRuntimeArgsCallbackContext(args, CancellationToken.None);
        foreach (var callback in web.Resource.Annotations.OfType<ContainerRuntimeArgsCallbackAnnotation>())
        {
            await callback.Callback(context);
        }

        Assert.Equal(["--cpus", "1.5", "--memory", "536870912", "--init", "--label", "team=payments"], args.Cast<string>());
    }

    [Fact]
    public async Task WithInit_false_after_WithInit_turns_the_init_process_off_as_the_last_flag_wins()
    {
        var web = ModelApp.CreateBuilder().AddContainer("web", "nginx").WithInit().WithInit(enabled: false);

        var args = await ContainerRuntimeArgs.EvaluateAsync(web.Resource, CancellationToken.None);

        Assert.Equal(["--init", "--init=false"], args.Select(a => a.Value));
        Assert.False(ContainerRuntimeArgs.Apply(new RunSpec { Name = "web", Image = "nginx" }, args, "web").Init);
    }

    [Fact]
    public void WithCpus_rejects_a_non_positive_count_and_WithMemory_less_than_6_MiB()
    {
        var web = ModelApp.CreateBuilder().AddAppleContainer("web", "nginx");

        Assert.Throws<ArgumentOutOfRangeException>(() => web.WithCpus(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => web.WithMemory(1024));
    }

    [Fact]
    public void The_public_methods_reject_null_and_empty_arguments()
    {
        var builder = ModelApp.CreateBuilder();
        IDistributedApplicationBuilder? none = null;

        Assert.Throws<ArgumentNullException>(() => none!.AddAppleContainer("web", "nginx"));
        Assert.Throws<ArgumentException>(() => builder.AddAppleContainer("web", ""));
        Assert.Throws<ArgumentException>(() => builder.AddAppleContainerFromDockerfile("web", ""));
        Assert.Throws<ArgumentException>(() => builder.AddAppleContainer("web2", "nginx").WithContainerLabel("", "v"));
    }

    [Fact]
    public void Taking_over_from_DCP_stashes_the_image_and_moves_requested_host_ports_off_the_endpoints()
    {
        var builder = ModelApp.CreateBuilder();
        var web = builder.AddAppleContainer("web", "nginx", "1.27").WithHttpEndpoint(port: 8081, targetPort: 80);

        OrchestratorEventingSubscriber.TakeOverFromDcp(web.Resource);

        Assert.Empty(web.Resource.Annotations.OfType<ContainerImageAnnotation>());
        Assert.Equal("nginx:1.27", Assert.Single(web.Resource.Annotations.OfType<StashedContainerImageAnnotation>()).Reference);
        var endpoint = Assert.Single(web.Resource.Annotations.OfType<EndpointAnnotation>());
        Assert.Null(endpoint.Port);
        Assert.Equal(8081, Assert.Single(web.Resource.Annotations.OfType<RequestedHostPortAnnotation>()).Port);
    }
}
