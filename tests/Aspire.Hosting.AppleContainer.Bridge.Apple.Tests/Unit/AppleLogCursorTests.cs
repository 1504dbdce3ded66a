namespace Aspire.Hosting.AppleContainer.Bridge.Apple.Tests.Unit;

/// <summary>
/// Every log line reaches the resource once: full reads (ContainerLogs.swift@1.2.2:84-95 prints the whole file, trimmed)
/// are compared with what was delivered, so nothing is dropped or repeated whatever chunks the runtime wrote.
/// </summary>
public sealed class AppleLogCursorTests
{
    private readonly ManualTime _time = new();

    [Fact]
    public void Complete_lines_are_delivered_once_across_reads_and_the_last_one_waits_for_the_next()
    {
        var cursor = new AppleLogCursor(_time);

        Assert.Equal(["one"], cursor.Advance(["one", "tw"], final: false));
        Assert.True(cursor.HoldsBackALine);
        Assert.Equal(["two", "", "four"], cursor.Advance(["one", "two", "", "four", "fi"], final: false));
        Assert.Equal(["five"], cursor.Advance(["one", "two", "", "four", "five"], final: true));
        Assert.Empty(cursor.Advance(["one", "two", "", "four", "five"], final: true));
    }

    [Fact]
    public void A_last_line_that_stays_the_same_is_delivered_after_it_settles_and_only_its_growth_afterwards()
    {
        var cursor = new AppleLogCursor(_time);

        Assert.Empty(cursor.Advance(["ready"], final: false));
        _time.Advance(AppleLogCursor.SettleTime);
        Assert.Equal(["ready"], cursor.Advance(["ready"], final: false));
        Assert.False(cursor.HoldsBackALine);
        Assert.Empty(cursor.Advance(["ready"], final: false));

        // It was not complete after all: only what was added is delivered, once.
        Assert.Equal([" and waiting", "next"], cursor.Advance(["ready and waiting", "next"], final: true));
    }

    [Fact]
    public void Lines_that_a_follow_would_split_or_drop_arrive_whole()
    {
        // `logs --follow` splits each chunk on newlines and drops empty pieces (ContainerLogs.swift@1.2.2:127-129);
        // a line written in two chunks, and empty lines, come whole from full reads.
        var cursor = new AppleLogCursor(_time);
        var delivered = new List<string>();

        delivered.AddRange(cursor.Advance(["a", "half"], final: false));
        delivered.AddRange(cursor.Advance(["a", "half and half", "", "", "b"], final: false));
        delivered.AddRange(cursor.Advance(["a", "half and half", "", "", "b"], final: true));

        Assert.Equal(["a", "half and half", "", "", "b"], delivered);
    }

    [Fact]
    public void A_shorter_read_means_the_log_was_truncated_by_a_new_run_and_delivery_starts_over()
    {
        // RuntimeService.swift@1.2.2:1417-1425 truncates the log when the container starts again.
        var cursor = new AppleLogCursor(_time);

        Assert.Equal(["run 1", "line 2"], cursor.Advance(["run 1", "line 2"], final: true));
        Assert.Equal(["run 2"], cursor.Advance(["run 2"], final: true));
    }

    [Fact]
    public void An_empty_log_delivers_nothing()
    {
        Assert.Empty(new AppleLogCursor(_time).Advance([], final: true));
    }

    private sealed class ManualTime : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
