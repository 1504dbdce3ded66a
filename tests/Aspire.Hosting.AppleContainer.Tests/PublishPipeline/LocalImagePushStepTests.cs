using Aspire.Hosting.AppleContainer.Deployment;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Pipelines;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

#pragma warning disable ASPIREPIPELINES001
#pragma warning disable ASPIRECOMPUTE003

namespace Aspire.Hosting.AppleContainer.Tests.PublishPipeline;

public class LocalImagePushStepTests
{
    [Fact]
    public async Task A_local_only_image_gets_a_push_step_in_the_push_pipeline_when_the_app_has_a_registry()
    {
        var (app, steps) = await StepsAsync(withRegistry: true, b => b.AddAppleContainer("web", "localhost/web", "dev"));
        using var _ = app;

        var step = Assert.Single(steps);
        Assert.Equal("push-web", step.Name);
        Assert.Equal(["push-container-image"], step.Tags);
        Assert.Equal(["push"], step.RequiredBySteps);
        Assert.Equal(["push-prereq"], step.DependsOnSteps);
    }

    [Fact]
    public async Task An_image_from_a_registry_gets_no_push_step()
    {
        var (app, steps) = await StepsAsync(withRegistry: true, b => b.AddAppleContainer("web", "docker.io/library/nginx", "1.27"));
        using var _ = app;

        Assert.Empty(steps);
    }

    [Fact]
    public async Task Without_a_registry_a_local_image_gets_no_push_step()
    {
        var (app, steps) = await StepsAsync(withRegistry: false, b => b.AddAppleContainer("web", "localhost/web", "dev"));
        using var _ = app;

        Assert.Empty(steps);
    }

    private static async Task<(DistributedApplication App, List<PipelineStep> Steps)> StepsAsync(bool withRegistry, Func<IDistributedApplicationBuilder, IResourceBuilder<AppleContainerResource>> add)
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { Args = ["--operation", "publish"], DisableDashboard = true });
        if (withRegistry)
        {
            builder.AddContainerRegistry("registry", "127.0.0.1:5123");
        }

        var resource = add(builder).Resource;
        var app = builder.Build();
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();
        var pipeline = new PipelineContext(model, app.Services.GetRequiredService<DistributedApplicationExecutionContext>(), app.Services, NullLogger.Instance, CancellationToken.None);
        var steps = new List<PipelineStep>();
        foreach (var annotation in resource.Annotations.OfType<PipelineStepAnnotation>())
        {
            steps.AddRange(await annotation.CreateStepsAsync(new PipelineStepFactoryContext { PipelineContext = pipeline, Resource = resource }));
        }

        Assert.Equal(steps.Count > 0, LocalImagePushStep.HasLocalOnlyImage(resource) && withRegistry);
        return (app, steps);
    }
}
