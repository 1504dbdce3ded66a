using System.Text.Json;
using System.Text.Json.Nodes;

namespace FakeAppleCli;

/// <summary>
/// The fake's state, in the directory named by <c>ACTR_FAKE_CONTAINER_STATE</c>: <c>containers/&lt;id&gt;/</c>
/// (configuration.json, status.json, output.log, exit), <c>images/</c>, <c>registry/</c> (images a pull can fetch),
/// <c>volumes/</c>, and the switches <c>service-stopped</c> and <c>builder-unavailable</c>. Mutations hold a lock file.
/// </summary>
internal sealed class FakeState(string root)
{
    public const string StateVariable = "ACTR_FAKE_CONTAINER_STATE";

    /// <summary>Every process of a fake container carries this variable (<c>&lt;state&gt;|&lt;id&gt;</c>), so none can escape cleanup.</summary>
    public const string MarkerVariable = "ACTR_FAKE_CONTAINER";

    // Swift's JSONEncoder does not escape '+' or '<'; sorted keys are kept by writing objects in key order.
    public static readonly JsonSerializerOptions Compact = new() { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    public static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Root { get; } = root;

    public bool ServiceStopped => File.Exists(Path.Combine(Root, "service-stopped"));

    public static FakeState FromEnvironment()
    {
        var root = Environment.GetEnvironmentVariable(StateVariable);
        if (string.IsNullOrEmpty(root))
        {
            throw FakeFailure.Internal($"the fake container CLI needs {StateVariable}");
        }

        // Created by the first write, never by a read (a late read must not resurrect a removed state).
        return new FakeState(Path.GetFullPath(root));
    }

    public string ContainerDirectory(string id) => Path.Combine(Root, "containers", id);

    public string Marker(string id) => $"{Root}|{id}";

    public IEnumerable<string> ContainerIds() =>
        Directory.Exists(Path.Combine(Root, "containers"))
            ? Directory.EnumerateDirectories(Path.Combine(Root, "containers")).Where(d => File.Exists(Path.Combine(d, "configuration.json"))).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)
            : [];

    public bool Exists(string id) => File.Exists(Path.Combine(ContainerDirectory(id), "configuration.json"));

    public JsonObject Configuration(string id) => ReadObject(Path.Combine(ContainerDirectory(id), "configuration.json"));

    public JsonObject Status(string id) => ReadObject(Path.Combine(ContainerDirectory(id), "status.json"));

    public void WriteStatus(string id, JsonObject status) => WriteObject(Path.Combine(ContainerDirectory(id), "status.json"), status);

    /// <summary>Runs <paramref name="action"/> under the state lock.</summary>
    public T Locked<T>(Func<T> action)
    {
        Directory.CreateDirectory(Root);
        var path = Path.Combine(Root, ".lock");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var handle = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                return action();
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(10);
            }
        }
    }

    public static JsonObject ReadObject(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return JsonNode.Parse(File.ReadAllText(path))!.AsObject();
            }
            catch (Exception ex) when (ex is JsonException or IOException && attempt < 50)
            {
                Thread.Sleep(10); // A writer is replacing it.
            }
        }
    }

    public static void WriteObject(string path, JsonNode node)
    {
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllText(temporary, node.ToJsonString(Compact));
        File.Move(temporary, path, overwrite: true);
    }

    public static string Now() => DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
