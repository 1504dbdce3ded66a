using Aspire.Hosting.AppleContainer.Bridge.Oci;

namespace Aspire.Hosting.AppleContainer.Bridge.Tests.Selection;

/// <summary>The sentence the AppHost logs about the runtime it chose.</summary>
public sealed class RuntimeChoiceDescriptionTests
{
    private static readonly RuntimeInfo Podman = new()
    {
        Name = "podman",
        ExecutablePath = "/usr/bin/podman",
        IsRunning = true,
        Version = new Version(4, 3, 1),
        Capabilities = OciCapabilities.For(OciFlavor.Podman, serviceIsLocalLinux: true),
    };

    private static readonly IReadOnlyList<RuntimeRegistration> OffMac =
    [
        new("apple", "container", () => false, (_, _) => throw new InvalidOperationException()),
        new("podman", "podman", () => true, (_, _) => throw new InvalidOperationException()),
        new("docker", "docker", () => true, (_, _) => throw new InvalidOperationException()),
    ];

    [Fact]
    public void Auto_names_the_runtime_its_cli_and_version_and_the_order_it_was_chosen_in_on_this_platform()
    {
        Assert.Equal(
            "podman 4.3.1 (/usr/bin/podman), chosen by ASPIRE_APPLECONTAINER_RUNTIME=auto: the first of podman, docker that is installed and running",
            ContainerRuntimeSelector.DescribeChoice(new RuntimeSelectionOptions(), Podman, OffMac));
    }

    [Fact]
    public void An_explicit_runtime_or_cli_is_named_as_the_reason()
    {
        Assert.EndsWith("chosen by ASPIRE_APPLECONTAINER_RUNTIME=podman", ContainerRuntimeSelector.DescribeChoice(new RuntimeSelectionOptions { Runtime = " Podman " }, Podman, OffMac), StringComparison.Ordinal);
        Assert.EndsWith(
            "chosen by ASPIRE_APPLECONTAINER_CLI=/usr/bin/podman (its file name names the runtime)",
            ContainerRuntimeSelector.DescribeChoice(new RuntimeSelectionOptions { ExecutablePath = "/usr/bin/podman" }, Podman, OffMac),
            StringComparison.Ordinal);
    }
}
