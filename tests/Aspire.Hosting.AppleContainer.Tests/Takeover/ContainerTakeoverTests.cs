using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Takeover;
using Aspire.Hosting.AppleContainer.Tests.Support;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Aspire.Hosting.AppleContainer.Tests.Takeover;

public class ContainerTakeoverTests
{
    [Fact]
    public void Without_the_switch_only_AddAppleContainer_resources_are_run_by_the_integration()
    {
        var builder = ModelApp.CreateBuilder();
        builder.AddAppleContainer("apple", "localhost/actr-test/service");
        builder.AddContainer("plain", "localhost/actr-test/service");
        builder.AddRedis("cache");

        Assert.Equal(["apple"], Selected(builder));
    }

    [Fact]
    public void The_switch_selects_every_container_resource_added_before_or_after_it()
    {
        var builder = ModelApp.CreateBuilder();
        builder.AddContainer("before", "localhost/actr-test/service");
        builder.UseAppleContainerRuntime();
        builder.AddRedis("cache");
        builder.AddDockerfile("built", Path.GetTempPath());
        builder.AddAppleContainer("apple", "localhost/actr-test/service");
        builder.AddParameter("not-a-container");

        Assert.Equal(["before", "cache", "built", "apple"], Selected(builder));
    }

    [Theory]
    [InlineData("false", false, new[] { "apple" })]
    [InlineData("0", false, new[] { "apple" })]
    [InlineData("true", false, new[] { "apple", "plain" })]
    [InlineData("false", true, new[] { "apple" })]
    [InlineData("ON", true, new[] { "apple", "plain" })]
    public void The_configuration_value_overrides_the_switch_either_way(string value, bool callSwitch, string[] expected)
    {
        var builder = ModelApp.CreateBuilder();
        builder.Configuration[ContainerTakeover.ConfigurationKey] = value;
        builder.AddAppleContainer("apple", "localhost/actr-test/service");
        builder.AddContainer("plain", "localhost/actr-test/service");
        if (callSwitch)
        {
            builder.UseAppleContainerRuntime();
        }

        Assert.Equal(expected, Selected(builder));
    }

    [Fact]
    public void A_configuration_value_that_is_not_a_switch_is_rejected_with_a_coded_error_naming_the_key()
    {
        var builder = ModelApp.CreateBuilder();
        builder.Configuration[ContainerTakeover.ConfigurationKey] = "sometimes";
        builder.AddAppleContainer("apple", "localhost/actr-test/service");

        var error = Assert.Throws<BridgeException>(() => Selected(builder));

        Assert.Equal(BridgeErrorCode.InvalidSpec, error.Code);
        Assert.Equal(ContainerTakeover.ConfigurationKey, error.Option);
    }

    [Fact]
    public void The_switch_is_idempotent_and_leaves_one_orchestrator()
    {
        var builder = ModelApp.CreateBuilder();
        builder.UseAppleContainerRuntime().UseAppleContainerRuntime();
        builder.AddAppleContainer("apple", "localhost/actr-test/service");

        Assert.Single(builder.Services, d => d.ServiceType == typeof(Aspire.Hosting.AppleContainer.Orchestration.ContainerOrchestrator));
        Assert.Single(builder.Services, d => d.ServiceType == typeof(ContainerTakeoverRequest));
    }

    private static string[] Selected(IDistributedApplicationBuilder builder)
    {
        using var app = builder.Build();
        var takeover = app.Services.GetRequiredService<ContainerTakeover>();
        return [.. takeover.SelectResources(app.Services.GetRequiredService<DistributedApplicationModel>()).Select(r => r.Name)];
    }
}
