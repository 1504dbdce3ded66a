using System.Globalization;
using System.Text;

namespace AppleCliEmulator.State;

/// <summary>
/// Test instrumentation, not Apple behaviour: every VM boot (a <c>start</c> until the container runs or fails) and VM stop
/// is appended to <c>vm-transitions.log</c> in the state as <c>begin|end boot|stop &lt;id&gt; &lt;unix ms&gt;</c>, so a
/// test can measure how many transitions an orchestrator had in flight at once (Apple's runtime is known to time out
/// when too many run in parallel). Nothing the CLI prints changes.
/// </summary>
internal sealed class TransitionJournal : IDisposable
{
    private readonly string _path;
    private readonly string _entry;

    private TransitionJournal(EmulatorState state, string kind, string id)
    {
        _path = Path.Combine(state.Root, "vm-transitions.log");
        _entry = $"{kind} {id}";
        Append("begin");
    }

    /// <summary>Records the beginning of a transition; disposing records its end.</summary>
    public static TransitionJournal Begin(EmulatorState state, string kind, string id) => new(state, kind, id);

    public void Dispose() => Append("end");

    private void Append(string edge)
    {
        var line = $"{edge} {_entry} {DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}\n";
        try
        {
            // O_APPEND: lines of concurrent CLI processes never interleave.
            using var stream = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
            stream.Write(Encoding.UTF8.GetBytes(line));
        }
        catch (IOException)
        {
            // Instrumentation never fails a verb.
        }
    }
}
