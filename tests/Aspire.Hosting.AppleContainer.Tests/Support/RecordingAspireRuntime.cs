using System.Collections.Concurrent;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Publishing;

#pragma warning disable ASPIRECONTAINERRUNTIME001
#pragma warning disable ASPIREPIPELINES003

namespace Aspire.Hosting.AppleContainer.Tests.Support;

/// <summary>Stands for one of Aspire's own keyed runtimes ("docker", "podman"): records the calls it gets.</summary>
internal sealed class RecordingAspireRuntime(string name) : IContainerRuntime
{
    public ConcurrentQueue<string> Calls { get; } = new();

    public string Name => name;

    public Task<bool> CheckIfRunningAsync(CancellationToken cancellationToken) => Record("check", true);

    public Task BuildImageAsync(string contextPath, string dockerfilePath, ContainerImageBuildOptions? options, Dictionary<string, string?> buildArguments, Dictionary<string, BuildImageSecretValue> buildSecrets, string? stage, CancellationToken cancellationToken) =>
        Record($"build {options?.ImageName}", true);

    public Task TagImageAsync(string localImageName, string targetImageName, CancellationToken cancellationToken) => Record($"tag {localImageName} {targetImageName}", true);

    public Task RemoveImageAsync(string imageName, CancellationToken cancellationToken) => Record($"rmi {imageName}", true);

    public Task PushImageAsync(IResource resource, CancellationToken cancellationToken) => Record($"push {resource.Name}", true);

    public Task LoginToRegistryAsync(string registryServer, string username, string password, CancellationToken cancellationToken) => Record($"login {registryServer}", true);

    public Task ComposeUpAsync(ComposeOperationContext context, CancellationToken cancellationToken) => Record($"compose up {context.ProjectName}", true);

    public Task ComposeDownAsync(ComposeOperationContext context, CancellationToken cancellationToken) => Record($"compose down {context.ProjectName}", true);

    public async Task<IReadOnlyList<ComposeServiceInfo>?> ComposeListServicesAsync(ComposeOperationContext context, CancellationToken cancellationToken)
    {
        await Record($"compose ps {context.ProjectName}", true);
        return [];
    }

    private Task<bool> Record(string call, bool result)
    {
        Calls.Enqueue(call);
        return Task.FromResult(result);
    }
}
