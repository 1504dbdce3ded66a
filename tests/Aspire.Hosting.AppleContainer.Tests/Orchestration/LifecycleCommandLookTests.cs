using Aspire.Hosting.AppleContainer.Orchestration;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.AppleContainer.Tests.Orchestration;

/// <summary>The commands look on the dashboard as Aspire's own on DCP's containers (CommandsConfigurationExtensions).</summary>
public class LifecycleCommandLookTests
{
    [Theory]
    [InlineData("start", "Start", "Start resource", "Play", IconVariant.Filled, true)]
    [InlineData("stop", "Stop", "Stop resource", "Stop", IconVariant.Filled, true)]
    [InlineData("restart", "Restart", "Restart resource", "ArrowCounterclockwise", IconVariant.Regular, false)]
    public void Each_command_has_the_display_name_description_icon_and_highlight_Aspire_gives_its_containers(
        string name, string displayName, string description, string icon, IconVariant variant, bool highlighted)
    {
        var builder = Support.ModelApp.CreateBuilder();
        var web = builder.AddAppleContainer("web", "nginx");

        LifecycleCommands.Add(web.Resource, null!);

        var command = Assert.Single(web.Resource.Annotations.OfType<ResourceCommandAnnotation>(), c => c.Name == name);
        Assert.Equal(displayName, command.DisplayName);
        Assert.Equal(description, command.DisplayDescription);
        Assert.Equal(icon, command.IconName);
        Assert.Equal(variant, command.IconVariant);
        Assert.Equal(highlighted, command.IsHighlighted);
    }
}
