using System.Collections.Immutable;
using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Orchestration;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.AppleContainer.Tests.Orchestration;

/// <summary>A running container's arguments on the dashboard are marked as DCP marks them.</summary>
public class ArgsSnapshotTests
{
    private static readonly RunSpec Spec = new()
    {
        Name = "nats-1234abcd",
        Image = "localhost/actr-test/service:latest",
        Args = ["--user", "nats", "--pass", "s3cret"],
        SecretArgs = [3],
    };

    [Fact]
    public void A_running_snapshot_marks_the_args_sensitive_and_flags_the_secret_one_for_masking()
    {
        var snapshot = ResourceSnapshots.Running(Empty(), Spec, "abc123", "podman", persistent: false);

        var args = Property(snapshot, ArgsSnapshot.ContainerArgs);
        Assert.True(args.IsSensitive);
        Assert.Equal(Spec.Args, (ImmutableArray<string>)args.Value!);
        var appArgs = Property(snapshot, ArgsSnapshot.AppArgs);
        Assert.True(appArgs.IsSensitive);
        var sensitivity = Property(snapshot, ArgsSnapshot.AppArgsSensitivity);
        Assert.True(sensitivity.IsSensitive);
        Assert.Equal([0, 0, 0, 1], ((ImmutableArray<int>)sensitivity.Value!).ToArray());
        Assert.Single(snapshot.Properties, p => p.Name == ArgsSnapshot.ContainerArgs);
    }

    [Fact]
    public void Without_secret_arguments_only_the_container_args_are_sensitive_as_DCP_always_marks_them()
    {
        var snapshot = ResourceSnapshots.Running(Empty(), Spec with { SecretArgs = [] }, "abc123", "podman", persistent: false);

        Assert.True(Property(snapshot, ArgsSnapshot.ContainerArgs).IsSensitive);
        Assert.False(Property(snapshot, ArgsSnapshot.AppArgs).IsSensitive);
        Assert.Equal([0, 0, 0, 0], ((ImmutableArray<int>)Property(snapshot, ArgsSnapshot.AppArgsSensitivity).Value!).ToArray());
    }

    private static CustomResourceSnapshot Empty() => new() { ResourceType = "Container", Properties = [] };

    private static ResourcePropertySnapshot Property(CustomResourceSnapshot snapshot, string name) => Assert.Single(snapshot.Properties, p => p.Name == name);
}
