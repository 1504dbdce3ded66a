using System.Security.Cryptography;
using System.Text;

namespace AppleCliEmulator.State;

/// <summary>
/// The emulator's state: the directory named by <c>ACTR_APPLE_EMULATOR_STATE</c>, else <c>state/</c> next to the
/// executable. It plays Apple's application root (<c>appRoot</c>): <c>containers/&lt;id&gt;/</c>, <c>volumes/&lt;name&gt;/</c>,
/// <c>sessions/</c> (attached CLIs), the service switch, and a lock. Its hash is the instance label every podman object of
/// this state carries, so two states never see each other's containers.
/// </summary>
internal sealed class EmulatorState
{
    public const string StateVariable = "ACTR_APPLE_EMULATOR_STATE";

    /// <summary>The label key marking every podman container and volume of an emulator state.</summary>
    public const string InstanceLabel = "io.github.aspire-applecontainer.apple-emulator";

    private EmulatorState(string root)
    {
        Root = root;
        Instance = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(root)))[..12];
    }

    public string Root { get; }

    /// <summary>The hash of <see cref="Root"/> (12 hex characters).</summary>
    public string Instance { get; }

    public string ContainersDirectory => Path.Combine(Root, "containers");

    public string VolumesDirectory => Path.Combine(Root, "volumes");

    public string SessionsDirectory => Path.Combine(Root, "sessions");

    /// <summary>Present while the API server is deregistered (after <c>system stop</c>).</summary>
    public string ServiceStoppedMarker => Path.Combine(Root, "apiserver-unregistered");

    /// <summary>Present to make the BuildKit image absent (so that <c>builder start</c> has to pull it and fails).</summary>
    public string BuilderImageAbsentMarker => Path.Combine(Root, "builder-image-absent");

    public bool ServiceRunning => !File.Exists(ServiceStoppedMarker);

    public static EmulatorState Load()
    {
        var configured = Environment.GetEnvironmentVariable(StateVariable);
        var root = string.IsNullOrEmpty(configured) ? Path.Combine(AppContext.BaseDirectory, "state") : configured;
        var state = new EmulatorState(Path.GetFullPath(root).TrimEnd('/'));
        Directory.CreateDirectory(state.Root);
        return state;
    }

    /// <summary>The state at <paramref name="root"/> (the runtime helper gets it on its argv).</summary>
    public static EmulatorState FromRoot(string root) => new(Path.GetFullPath(root).TrimEnd('/'));

    public ContainerRecord Container(string id) => new(this, id);

    public IEnumerable<ContainerRecord> Containers() =>
        Directory.Exists(ContainersDirectory)
            ? Directory.EnumerateDirectories(ContainersDirectory)
                .Select(d => Container(Path.GetFileName(d)))
                .Where(c => c.Exists)
                .OrderBy(c => c.Id, StringComparer.Ordinal)
            : [];

    /// <summary>The podman name of an object of this state: <c>actr-apple-&lt;instance&gt;-&lt;name&gt;</c>.</summary>
    public string PodmanName(string name) => $"actr-apple-{Instance}-{name}";

    /// <summary>The <c>--label</c>/<c>--filter</c> value marking this state's podman objects.</summary>
    public string InstanceLabelValue => $"{InstanceLabel}={Instance}";

    /// <summary>Runs <paramref name="action"/> holding the state's lock (create and delete are atomic per state).</summary>
    public T Locked<T>(Func<T> action)
    {
        var path = Path.Combine(Root, ".lock");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var handle = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                return action();
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(5);
            }
        }
    }
}
