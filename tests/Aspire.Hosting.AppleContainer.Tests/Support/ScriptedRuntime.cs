using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Orchestration;
using Aspire.Hosting.AppleContainer.TestSupport;

namespace Aspire.Hosting.AppleContainer.Tests.Support;

/// <summary>
/// An in-memory container runtime the orchestrator drives in unit tests, as Aspire's tests drive DcpExecutor against
/// a test Kubernetes service. It keeps containers as a runtime would, records every call in <see cref="Journal"/>, and
/// lets a test hold a call at a gate (<see cref="Hold"/>), end a container (<see cref="Exit"/>), lose an exit
/// (<see cref="LoseExit"/>), lack an image (<see cref="Lack"/>), fail pulls (<see cref="FailPulls"/>) or make the
/// runtime go away (<see cref="GoAway"/>: every call then throws the coded runtime-unavailable
/// <see cref="BridgeException"/>). What it does not script fails loudly (<see cref="UnusedContainerRuntime"/>).
/// </summary>
internal sealed partial class ScriptedRuntime : UnusedContainerRuntime, IContainerRuntimeProvider
{
    private readonly object _lock = new();
    private readonly Dictionary<string, ScriptedContainer> _containers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<RuntimeGate>> _gates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _imageIds = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _gone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _nextId;

    public override RuntimeCapabilities Capabilities { get; } = new()
    {
        ReportsExitCodes = true, RequiresExplicitHostPort = false, RejectsPrivilegedPortsOnLoopback = false,
        SupportsFractionalCpus = true, SupportsNetworkAliases = true, SupportsTmpfs = true, SupportsExecCancellation = true,
    };

    /// <summary>Every call, in order.</summary>
    public RuntimeJournal Journal { get; } = new();

    /// <summary>The exit code a container reports after an orderly stop.</summary>
    public int StopExitCode { get; set; }

    /// <summary>Whether the runtime went away.</summary>
    public bool IsGone => _gone.Task.IsCompleted;

    /// <summary>The coded failure every call raises once the runtime went away.</summary>
    public static BridgeException Unavailable() =>
        new(BridgeErrorCode.RuntimeNotRunning, "The scripted runtime is not running.") { Runtime = "test" };

    /// <summary>How a wait whose event stream broke fails.</summary>
    public static BridgeException StreamLost() =>
        new(BridgeErrorCode.CliFailed, "The runtime's event stream ended before the container's exit arrived.") { Runtime = "test" };

    /// <summary>Holds the next call of <paramref name="operation"/> at a gate (gates of one operation are used in order).</summary>
    public RuntimeGate Hold(string operation)
    {
        var gate = new RuntimeGate(operation);
        lock (_lock)
        {
            if (!_gates.TryGetValue(operation, out var queue))
            {
                _gates[operation] = queue = new Queue<RuntimeGate>();
            }

            queue.Enqueue(gate);
        }

        return gate;
    }

    /// <summary>The containers, as the runtime would list them.</summary>
    public IReadOnlyList<ContainerInfo> Containers
    {
        get
        {
            lock (_lock)
            {
                return [.. _containers.Values.Select(c => c.ToInfo())];
            }
        }
    }

    /// <summary>The container by id or name.</summary>
    public ContainerInfo Container(string idOrName)
    {
        lock (_lock)
        {
            return Find(idOrName).ToInfo();
        }
    }

    /// <summary>Completes once a wait watches the running container (so an exit from now on is the wait's to see or miss).</summary>
    public Task WatchedAsync(string idOrName)
    {
        lock (_lock)
        {
            return RunnerHarness.BoundedAsync(Find(idOrName).Watched.Task, $"a wait on '{idOrName}'");
        }
    }

    /// <summary>The container ends by itself with <paramref name="exitCode"/>; waits see it.</summary>
    /// <summary>Makes the image answer with a new id from now on, as a rebuilt image or an updated tag does.</summary>
    public void Rebuild(string image, string id)
    {
        lock (_lock)
        {
            _imageIds[image] = id;
        }
    }

    public void Exit(string idOrName, int? exitCode) => Change(idOrName, c => c.Exit(exitCode));

    /// <summary>The container ends with <paramref name="exitCode"/>, but the waits fail instead of seeing it (their event stream broke).</summary>
    public void LoseExit(string idOrName, int? exitCode) => Change(idOrName, c => c.Exit(exitCode, StreamLost()));

    /// <summary>The waits on a container that keeps running fail (their event stream broke).</summary>
    public void BreakWait(string idOrName) => Change(idOrName, c => c.FailWatch(StreamLost()));

    /// <summary>The runtime goes away: pending waits and log streams fail, and every call from now on throws <see cref="Unavailable"/>.</summary>
    public void GoAway()
    {
        lock (_lock)
        {
            _gone.TrySetResult();
            foreach (var container in _containers.Values)
            {
                container.FailWatch(Unavailable());
            }
        }
    }

    /// <inheritdoc />
    public Task<ActiveRuntime> GetRuntimeAsync(CancellationToken cancellationToken) => IsGone
        ? Task.FromException<ActiveRuntime>(Unavailable())
        : Task.FromResult(new ActiveRuntime(this, new RuntimeInfo { Name = Name, IsRunning = true, Capabilities = Capabilities, ExecutablePath = "/bin/false" }));

    public override Task<string> GetHostAddressAsync(CancellationToken cancellationToken = default) => Task.FromResult("10.88.0.1");

    /// <summary>
    /// Begins a call: journals it, fails when the runtime is gone, waits at the operation's gate when one is held. The
    /// returned scope journals the call's end.
    /// </summary>
    private async Task<CallScope> EnterAsync(string operation, string target, CancellationToken cancellationToken)
    {
        var call = Journal.Begin(operation, target);
        try
        {
            ThrowIfGone();
            RuntimeGate? gate = null;
            lock (_lock)
            {
                if (_gates.TryGetValue(operation, out var queue) && queue.Count > 0)
                {
                    gate = queue.Dequeue();
                }
            }

            if (gate is not null)
            {
                await gate.PassAsync(target, cancellationToken).ConfigureAwait(false);
                ThrowIfGone();
            }

            cancellationToken.ThrowIfCancellationRequested();
            return new CallScope(Journal, call);
        }
        catch
        {
            Journal.End(call);
            throw;
        }
    }

    private void ThrowIfGone()
    {
        if (IsGone)
        {
            throw Unavailable();
        }
    }

    private void Change(string idOrName, Action<ScriptedContainer> change)
    {
        lock (_lock)
        {
            change(Find(idOrName));
        }
    }

    private ScriptedContainer Find(string idOrName) =>
        _containers.GetValueOrDefault(idOrName) ?? _containers.Values.FirstOrDefault(c => c.Name == idOrName)
        ?? throw new BridgeException(BridgeErrorCode.ContainerNotFound, $"No container '{idOrName}'.") { Runtime = Name };

    /// <summary>Journals the end of a call when disposed.</summary>
    private readonly struct CallScope(RuntimeJournal journal, RuntimeCall call) : IDisposable
    {
        public void Dispose() => journal.End(call);
    }
}
