using Aspire.Hosting.AppleContainer.Orchestration;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.AppleContainer.Tests.Orchestration;

public class LifecycleCommandsTests
{
    [Theory]
    [InlineData("Exited", ResourceCommandState.Enabled, ResourceCommandState.Hidden, ResourceCommandState.Disabled)]
    [InlineData("FailedToStart", ResourceCommandState.Enabled, ResourceCommandState.Hidden, ResourceCommandState.Disabled)]
    [InlineData("Finished", ResourceCommandState.Enabled, ResourceCommandState.Hidden, ResourceCommandState.Disabled)]
    [InlineData("Waiting", ResourceCommandState.Enabled, ResourceCommandState.Hidden, ResourceCommandState.Disabled)]
    [InlineData("Starting", ResourceCommandState.Disabled, ResourceCommandState.Hidden, ResourceCommandState.Disabled)]
    [InlineData("Running", ResourceCommandState.Hidden, ResourceCommandState.Enabled, ResourceCommandState.Enabled)]
    [InlineData("Stopping", ResourceCommandState.Hidden, ResourceCommandState.Disabled, ResourceCommandState.Disabled)]
    [InlineData(null, ResourceCommandState.Disabled, ResourceCommandState.Hidden, ResourceCommandState.Disabled)]
    public void Commands_follow_the_rules_Aspire_applies_to_its_containers(string? state, ResourceCommandState start, ResourceCommandState stop, ResourceCommandState restart)
    {
        Assert.Equal(start, LifecycleCommands.StartState(state));
        Assert.Equal(stop, LifecycleCommands.StopState(state));
        Assert.Equal(restart, LifecycleCommands.RestartState(state));
    }

    [Fact]
    public void The_three_commands_use_the_names_the_dashboard_and_the_CLI_send()
    {
        var builder = Support.ModelApp.CreateBuilder();
        var web = builder.AddAppleContainer("web", "nginx");

        LifecycleCommands.Add(web.Resource, null!);

        var names = web.Resource.Annotations.OfType<ResourceCommandAnnotation>().Select(c => c.Name).ToList();
        Assert.Equal([KnownResourceCommands.StartCommand, KnownResourceCommands.StopCommand, KnownResourceCommands.RestartCommand], names);
    }
}
