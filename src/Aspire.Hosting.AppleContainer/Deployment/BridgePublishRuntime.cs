using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Bridge.Cli;
using Aspire.Hosting.AppleContainer.Bridge.Diagnostics;
using Aspire.Hosting.AppleContainer.Orchestration;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Publishing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using AspireRuntime = Aspire.Hosting.Publishing.IContainerRuntime;

#pragma warning disable ASPIRECONTAINERRUNTIME001 // Aspire's container runtime abstraction is experimental in 13.6.5.
#pragma warning disable ASPIREPIPELINES003 // ContainerImageBuildOptions and its enums are experimental in 13.6.5.

namespace Aspire.Hosting.AppleContainer.Deployment;

/// <summary>
/// Aspire's publish-side container runtime (<see cref="AspireRuntime"/>) carried out by the bridge's selected runtime:
/// what <c>aspire publish</c> / <c>aspire do push</c> build, tag, save and push goes through Apple's <c>container</c>,
/// podman or docker exactly as run mode does. Failures surface as a <see cref="DistributedApplicationException"/>
/// whose message is the coded diagnostic (ACTRnnnn) quoting the runtime. Compose has no Apple equivalent
/// (<see cref="PublishDiagnostics.ComposeUnsupported"/>); on podman and docker it is Aspire's own runtime's.
/// </summary>
internal sealed partial class BridgePublishRuntime : AspireRuntime
{
    private readonly IServiceProvider _services;
    private readonly ILogger _logger;

    /// <summary>Wraps the runtime <paramref name="active"/>; <paramref name="services"/> supplies Aspire's keyed runtimes for compose.</summary>
    public BridgePublishRuntime(ActiveRuntime active, IServiceProvider services, ILogger logger)
    {
        Active = active;
        _services = services;
        _logger = logger;
    }

    /// <summary>The bridge runtime every operation goes to.</summary>
    public ActiveRuntime Active { get; }

    /// <summary>Whether this is Apple's runtime (which has no compose and no local registry the .NET SDK knows).</summary>
    public bool IsApple => string.Equals(Name, "apple", StringComparison.Ordinal);

    /// <inheritdoc />
    public string Name => Active.Runtime.Name;

    private Bridge.IContainerRuntime Runtime => Active.Runtime;

    /// <inheritdoc />
    public async Task<bool> CheckIfRunningAsync(CancellationToken cancellationToken)
    {
        var info = await Runtime.DetectAsync(cancellationToken).ConfigureAwait(false);
        if (info.Problem is { } problem)
        {
            _logger.LogWarning("{Runtime} is not usable: {Diagnostic}", Name, DiagnosticCatalog.Describe(problem).ToString());
            return false;
        }

        return info.IsRunning;
    }

    /// <inheritdoc />
    public async Task TagImageAsync(string localImageName, string targetImageName, CancellationToken cancellationToken)
    {
        await RunAsync(() => Runtime.TagImageAsync(localImageName, targetImageName, cancellationToken)).ConfigureAwait(false);
        _logger.LogInformation("{Runtime} tag for {LocalImageName} -> {TargetImageName} succeeded.", Name, localImageName, targetImageName);
    }

    /// <inheritdoc />
    public async Task RemoveImageAsync(string imageName, CancellationToken cancellationToken)
    {
        await RunAsync(() => Runtime.RemoveImageAsync(imageName, force: false, cancellationToken)).ConfigureAwait(false);
        _logger.LogInformation("{Runtime} removal of {ImageName} succeeded.", Name, imageName);
    }

    /// <summary>
    /// Tags the resource's local image with its remote name and pushes that, as Aspire's runtimes do
    /// (ContainerRuntimeBase.PushImageAsync): the local name is the resource's image name (a Dockerfile build's
    /// generated name included) or its lower-cased name; the remote name is what <see cref="ContainerImageReference"/>
    /// gives outside an execution context (the registry's endpoint and repository, the push-options callbacks). Each
    /// progress line of the push reaches the log.
    /// </summary>
    public async Task PushImageAsync(IResource resource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var localImageName = resource.TryGetContainerImageName(out var imageName) ? imageName : resource.Name.ToLowerInvariant();
        var remoteImageName = await ((IValueProvider)new ContainerImageReference(resource)).GetValueAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The remote image name of '{resource.Name}' could not be determined.");
        await TagImageAsync(localImageName, remoteImageName, cancellationToken).ConfigureAwait(false);
        var progress = new LoggerProgress(_logger, Name, remoteImageName, LogLevel.Information);
        await RunAsync(() => Runtime.PushImageAsync(remoteImageName, progress, cancellationToken)).ConfigureAwait(false);
        _logger.LogInformation("{Runtime} push for {ImageName} succeeded.", Name, remoteImageName);
    }

    /// <summary>Logs in through the runtime; the password goes to the CLI's standard input and appears in no log or message.</summary>
    public async Task LoginToRegistryAsync(string registryServer, string username, string password, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(registryServer);
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentNullException.ThrowIfNull(password);
        _logger.LogInformation("{Runtime} login to {RegistryServer} as {Username}.", Name, registryServer, username);
        await RunAsync(() => Runtime.LoginToRegistryAsync(registryServer, username, password, cancellationToken), [password]).ConfigureAwait(false);
        _logger.LogInformation("{Runtime} login to {RegistryServer} succeeded.", Name, registryServer);
    }

    /// <summary>Runs a bridge call, turning a coded failure into the exception Aspire's pipeline reports, with the diagnostic as its message.</summary>
    internal static async Task RunAsync(Func<Task> call, IReadOnlyCollection<string>? secrets = null)
    {
        try
        {
            await call().ConfigureAwait(false);
        }
        catch (BridgeException ex)
        {
            throw ToPipelineException(ex, secrets);
        }
    }

    /// <summary>The coded diagnostic of <paramref name="exception"/> as Aspire's pipeline reports a failed step, secrets redacted.</summary>
    internal static DistributedApplicationException ToPipelineException(BridgeException exception, IReadOnlyCollection<string>? secrets = null)
    {
        var text = DiagnosticCatalog.Describe(exception).ToString();
        return new DistributedApplicationException(secrets is { Count: > 0 } ? CliArgvRedaction.RedactText(text, secrets) : text);
    }

    /// <summary>Aspire's own runtime of the same name (podman or docker), for what the bridge does not carry out.</summary>
    private AspireRuntime AspireOwn() => _services.GetRequiredKeyedService<AspireRuntime>(Name);
}
