using System.Diagnostics;

namespace Aspire.Hosting.AppleContainer.Bridge.Contract;

/// <summary>
/// The base of every dialect's contract fixture: one runtime, the local test images, a session identity for the
/// resources the suite creates, and cleanup. One instance is shared by the tests of one contract class.
/// </summary>
/// <remarks>
/// <para>A dialect fixture (e.g. <c>PodmanFixture</c>) must:</para>
/// <list type="number">
/// <item>implement <see cref="CreateRuntimeAsync"/>, returning the dialect's <see cref="IContainerRuntime"/> (the
/// base calls <see cref="IContainerRuntime.DetectAsync"/> and fails the fixture when the runtime is unusable);</item>
/// <item>implement <see cref="CreatePullableImageAsync"/>, making an image available to <c>PullImageAsync</c>
/// without a registry (podman: an <c>oci-archive:</c> file saved from the busybox image);</item>
/// <item>implement <see cref="ForgetRegistryLoginAsync"/> (the runtime's logout), which undoes a test's login;</item>
/// <item>carry <see cref="RuntimeAvailabilityAttribute"/> naming a <see cref="RuntimeAvailability"/> probe, so that
/// <see cref="RuntimeFactAttribute"/> tests skip when (and only when) the runtime is not installed;</item>
/// <item>optionally override <see cref="BusyboxImage"/>, <see cref="ServiceImage"/>, <see cref="SuiteName"/> and
/// <see cref="CommandLineSampler"/> (how the secret test samples every process's command line).</item>
/// </list>
/// <para>
/// Every container and volume a test creates carries <see cref="SessionLabels"/> and a name starting with
/// <see cref="NamePrefix"/>. <see cref="InitializeAsync"/> sweeps resources of this suite left by test processes
/// that no longer run; <see cref="DisposeAsync"/> sweeps this session's. Images a test creates are removed by the
/// test's <see cref="ResourceScope"/> (images cannot be listed by label through the contract).
/// </para>
/// </remarks>
public abstract class RuntimeFixture : IAsyncLifetime
{
    /// <summary>Label key naming the suite (constant per dialect fixture) on everything the suite creates.</summary>
    public const string SuiteLabel = "actr-contract.suite";

    /// <summary>Label key carrying the session id (one per fixture instance).</summary>
    public const string SessionLabel = "actr-contract.session";

    /// <summary>Label key carrying the id of the test process, so a later run can tell stale resources apart.</summary>
    public const string OwnerLabel = "actr-contract.owner-pid";

    private IContainerRuntime? _runtime;

    /// <summary>Creates the fixture with a fresh session id.</summary>
    protected RuntimeFixture()
    {
        SessionId = Guid.NewGuid().ToString("N")[..8];
    }

    /// <summary>The runtime under test (available after <see cref="InitializeAsync"/>).</summary>
    internal IContainerRuntime Runtime => _runtime ?? throw new InvalidOperationException("The fixture is not initialized.");

    /// <summary>The local busybox image (<c>sh</c>, <c>sleep</c>, <c>cat</c>, <c>ps</c>...).</summary>
    public virtual string BusyboxImage => "localhost/actr-test/busybox:latest";

    /// <summary>The local service image whose behaviours CONTRIBUTING.md documents.</summary>
    public virtual string ServiceImage => "localhost/actr-test/service:latest";

    /// <summary>
    /// The suite's name, used in names and in <see cref="SuiteLabel"/>. Defaults to <c>actr-contract</c>, or to the
    /// <c>ACTR_TEST_PREFIX</c> environment variable so that parallel runs on one machine keep apart.
    /// </summary>
    public virtual string SuiteName =>
        Environment.GetEnvironmentVariable("ACTR_TEST_PREFIX") is { Length: > 0 } prefix ? prefix : "actr-contract";

    /// <summary>This fixture instance's id (8 hex characters).</summary>
    public string SessionId { get; }

    /// <summary>The prefix of every name the suite gives a container or volume: <c>{suite}-{session}-</c>.</summary>
    public string NamePrefix => $"{SuiteName}-{SessionId}-";

    /// <summary>The labels every resource of this session carries (merge them into a spec's labels).</summary>
    public IReadOnlyDictionary<string, string> SessionLabels => new Dictionary<string, string>
    {
        [SuiteLabel] = SuiteName,
        [SessionLabel] = SessionId,
        [OwnerLabel] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>How the secret test samples the command lines of every process on the machine.</summary>
    public virtual CommandLineSampler CommandLineSampler { get; } = CommandLineSampler.ForCurrentPlatform();

    /// <summary>Starts a test: a unique name stem and a LIFO cleanup list. Dispose it in the test (<c>await using</c>).</summary>
    public ResourceScope BeginTest(string testName) => new(this, testName);

    /// <summary>Creates the runtime under test.</summary>
    internal abstract Task<IContainerRuntime> CreateRuntimeAsync();

    /// <summary>
    /// Makes an image named <paramref name="localName"/> pullable without a registry and returns the reference to
    /// pass to <see cref="IContainerRuntime.PullImageAsync"/>. <paramref name="localName"/> must not exist locally
    /// afterwards until pulled; the scope removes it and whatever the fixture needed (register cleanup there).
    /// </summary>
    public abstract Task<string> CreatePullableImageAsync(string localName, ResourceScope scope, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the credentials a <see cref="IContainerRuntime.LoginToRegistryAsync"/> to <paramref name="registry"/> stored
    /// where the runtime keeps them (the registry contract's cleanup), through the runtime's own logout.
    /// </summary>
    public abstract Task ForgetRegistryLoginAsync(string registry, CancellationToken cancellationToken);

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _runtime = await CreateRuntimeAsync().ConfigureAwait(false);
        var info = await _runtime.DetectAsync().ConfigureAwait(false);
        if (info.Problem is { } problem)
        {
            throw new InvalidOperationException($"The runtime '{_runtime.Name}' is not usable: {problem}", problem);
        }

        await SweepAsync(labels => IsStale(labels)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_runtime is not null)
        {
            await SweepAsync(labels => labels.GetValueOrDefault(SessionLabel) == SessionId).ConfigureAwait(false);
        }
    }

    private bool IsStale(IReadOnlyDictionary<string, string> labels)
    {
        if (!int.TryParse(labels.GetValueOrDefault(OwnerLabel), out var pid))
        {
            return false;
        }

        try
        {
            using var owner = Process.GetProcessById(pid);
            return owner.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    private async Task SweepAsync(Func<IReadOnlyDictionary<string, string>, bool> shouldRemove)
    {
        var suite = new Dictionary<string, string> { [SuiteLabel] = SuiteName };
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        foreach (var container in await Runtime.ListContainersAsync(suite, limit.Token).ConfigureAwait(false))
        {
            if (shouldRemove(container.Labels))
            {
                await IgnoreNotFoundAsync(() => Runtime.RemoveContainerAsync(container.Id, force: true, removeVolumes: true, limit.Token)).ConfigureAwait(false);
            }
        }

        foreach (var volume in await Runtime.ListVolumesAsync(suite, limit.Token).ConfigureAwait(false))
        {
            if (shouldRemove(volume.Labels))
            {
                await IgnoreNotFoundAsync(() => Runtime.RemoveVolumeAsync(volume.Name, limit.Token)).ConfigureAwait(false);
            }
        }
    }

    private static async Task IgnoreNotFoundAsync(Func<Task> action)
    {
        try
        {
            await action().ConfigureAwait(false);
        }
        catch (BridgeException ex) when (ex.Code is BridgeErrorCode.ContainerNotFound or BridgeErrorCode.VolumeNotFound)
        {
        }
    }
}
