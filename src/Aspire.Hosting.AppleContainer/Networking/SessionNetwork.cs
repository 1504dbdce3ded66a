using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Orchestration;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.AppleContainer.Networking;

/// <summary>
/// The container network the integration's containers join, as DCP's <c>ContainerNetwork</c> (ContainerCreator
/// <c>PrepareContainerNetworks</c>): one per AppHost run, or, when any of the containers is persistent, one per AppHost
/// that outlives the run (DCP's <c>aspire-persistent-network-…</c>), so a reused persistent container keeps its
/// network. It is created through the bridge when the first container needs it, labelled like the session's containers
/// (so the sweep and the watchdog find a session network left behind), and a session network is removed after the
/// containers at shutdown. On a runtime without network aliases (Apple's, see docs/apple-differences.md) there is
/// none: every reference keeps the host route.
/// </summary>
internal sealed class SessionNetwork
{
    /// <summary>The name prefix of session networks.</summary>
    public const string SessionPrefix = "aspire-applecontainer-session-";

    /// <summary>The name prefix of persistent networks.</summary>
    public const string PersistentPrefix = "aspire-applecontainer-persistent-";

    private readonly IContainerRuntimeProvider _runtimes;
    private readonly AppHostSession _session;
    private readonly ILogger<SessionNetwork> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private HashSet<IResource> _members = new(ReferenceEqualityComparer.Instance);
    private bool _decided;
    private string? _name;

    /// <summary>Creates the (not yet created) network of <paramref name="session"/>.</summary>
    public SessionNetwork(IContainerRuntimeProvider runtimes, AppHostSession session, ILogger<SessionNetwork> logger)
    {
        _runtimes = runtimes;
        _session = session;
        _logger = logger;
    }

    /// <summary>Whether the network outlives the AppHost run (some member is persistent).</summary>
    public bool IsPersistent { get; private set; }

    /// <summary>The network's name.</summary>
    public string Name => IsPersistent ? PersistentPrefix + _session.AppHostKey[..8] : SessionPrefix + _session.Id[..8];

    /// <summary>Sets the containers this integration runs: they join the network and are resolved on it.</summary>
    public void SetMembers(IEnumerable<IResource> resources)
    {
        _members = new HashSet<IResource>(resources, ReferenceEqualityComparer.Instance);
        IsPersistent = _members.Any(RunSpecFactory.IsPersistent);
    }

    /// <summary>Whether <paramref name="resource"/> is one of the containers on the network.</summary>
    public bool IsMember(IResource resource) => _members.Contains(resource);

    /// <summary>The container on the network that declares <paramref name="endpoint"/>, or null.</summary>
    public IResource? FindOwner(EndpointAnnotation endpoint) =>
        _members.FirstOrDefault(member => member.Annotations.Contains(endpoint));

    /// <summary>
    /// The aliases <paramref name="resource"/> answers to on the network, as DCP gives them
    /// (ContainerCreator: the resource name, <c>&lt;name&gt;.dev.internal</c>, then each <c>WithContainerNetworkAlias</c>).
    /// </summary>
    public static IReadOnlyList<string> GetAliases(IResource resource) =>
        [.. new[] { resource.Name, GetAddress(resource) }
            .Concat(resource.Annotations.OfType<ContainerNetworkAliasAnnotation>().Select(a => a.Alias))
            .Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>The address another container reaches <paramref name="resource"/> at, as DCP allocates it (<c>&lt;name&gt;.dev.internal</c>).</summary>
    public static string GetAddress(IResource resource) => $"{resource.Name}.dev.internal";

    /// <summary>
    /// The network's name once it exists (created on the first call), or null when the runtime has no network aliases
    /// or the network could not be created (then containers stay on the runtime's default network and every reference
    /// takes the host route; the reason is logged).
    /// </summary>
    public async Task<string?> EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (_decided)
        {
            return _name;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_decided)
            {
                return _name;
            }

            var active = await _runtimes.GetRuntimeAsync(cancellationToken).ConfigureAwait(false);
            if (active.Capabilities.SupportsNetworkAliases)
            {
                try
                {
                    await active.Runtime.CreateNetworkAsync(new NetworkSpec(Name) { Labels = GetLabels() }, cancellationToken).ConfigureAwait(false);
                    _name = Name;
                }
                catch (BridgeException ex) when (ex.Code == BridgeErrorCode.NameInUse)
                {
                    _name = Name; // The persistent network of an earlier run (or of a concurrent start).
                }
                catch (BridgeException ex)
                {
                    _logger.LogWarning("The container network {Network} could not be created ({Code}: {Message}); containers reach each other through the host instead.", Name, ex.Code, ex.Message);
                }
            }

            _decided = true;
            return _name;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Removes a session network this run created (after its containers); a persistent one stays. Never throws.</summary>
    public async Task RemoveAsync(CancellationToken cancellationToken)
    {
        if (_name is null || IsPersistent)
        {
            return;
        }

        try
        {
            var active = await _runtimes.GetRuntimeAsync(cancellationToken).ConfigureAwait(false);
            await active.Runtime.RemoveNetworkAsync(_name, cancellationToken).ConfigureAwait(false);
        }
        catch (BridgeException ex) when (ex.Code == BridgeErrorCode.NetworkNotFound)
        {
        }
        catch (Exception ex) when (ex is BridgeException or OperationCanceledException)
        {
            _logger.LogDebug("The container network {Network} was not removed ({Message}); the next AppHost run sweeps it.", _name, ex.Message);
        }
    }

    private Dictionary<string, string> GetLabels() => new(StringComparer.Ordinal)
    {
        [ContainerLabels.Managed] = "true",
        [ContainerLabels.Session] = _session.Id,
        [ContainerLabels.Owner] = _session.Owner,
        [ContainerLabels.AppHost] = _session.AppHostKey,
        [ContainerLabels.Lifetime] = IsPersistent ? ContainerLabels.PersistentLifetime : ContainerLabels.SessionLifetime,
    };
}
