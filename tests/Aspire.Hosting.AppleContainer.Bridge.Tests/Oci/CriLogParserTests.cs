using System.Text;
using Aspire.Hosting.AppleContainer.Bridge.Oci;

namespace Aspire.Hosting.AppleContainer.Bridge.Tests.Oci;

/// <summary>
/// The CRI records are as conmon wrote them for podman 4.3.1's <c>k8s-file</c> driver on this machine
/// (<c>HostConfig.LogConfig.Path</c> of a container printing to stdout and stderr, an unterminated line, CRs).
/// </summary>
public sealed class CriLogParserTests
{
    // What conmon wrote for: echo out1; echo err1 >&2; printf partial-no-newline; sleep 1; printf '\r\n'; echo; printf 'a\rb\n'
    private const string Captured =
        "2026-11-28T11:10:20.601707530+00:00 stdout F out1\n" +
        "2026-11-28T11:10:20.601711346+00:00 stderr F err1\n" +
        "2026-11-28T11:10:20.601715062+00:00 stdout P partial-no-newline\n" +
        "2026-11-28T11:10:21.602754491+00:00 stdout F \r\n" +
        "2026-11-28T11:10:21.602754491+00:00 stdout F \n" +
        "2026-11-28T11:10:21.602754491+00:00 stdout F a\rb\n";

    [Fact]
    public void Full_records_become_lines_of_their_stream_in_file_order()
    {
        var lines = Parse("2026-11-28T11:10:20.601707530+00:00 stdout F out1\n2026-11-28T11:10:20.601711346+00:00 stderr F err1\n");

        Assert.Equal([Out("out1"), Err("err1")], lines);
    }

    [Fact]
    public void A_partial_record_is_joined_with_the_records_that_follow_until_the_full_one()
    {
        var lines = Parse("t stdout P abc\nt stdout P def\nt stdout F ghi\nt stdout F next\n");

        Assert.Equal([Out("abcdefghi"), Out("next")], lines);
    }

    [Fact]
    public void Partial_records_are_joined_per_stream_when_the_other_stream_writes_in_between()
    {
        var lines = Parse("t stdout P out-\nt stderr F whole error\nt stdout F end\n");

        Assert.Equal([Err("whole error"), Out("out-end")], lines);
    }

    [Fact]
    public void A_multibyte_character_split_between_partial_records_is_decoded_whole()
    {
        var euro = Encoding.UTF8.GetBytes("€");
        var bytes = Concat("t stdout P price "u8.ToArray(), euro[..1], "\nt stdout F "u8.ToArray(), euro[1..], "\n"u8.ToArray());

        var lines = ParseBytes(bytes);

        Assert.Equal([Out("price €")], lines);
    }

    [Fact]
    public void The_captured_podman_file_gives_what_podman_logs_printed_line_by_line()
    {
        // podman logs printed "out1", "err1" (on stderr), "partial-no-newline\r", "" and "a\rb", read line by line.
        var lines = Parse(Captured);

        Assert.Equal([Out("out1"), Err("err1"), Out("partial-no-newline"), Out(string.Empty), Out("a"), Out("b")], lines);
    }

    [Theory]
    [InlineData("2026-11-28T11:10:20Z stdout F text")]
    [InlineData("2026-11-28T12:10:20.5+01:00 stdout F text")]
    [InlineData("1764328220 stdout F text")]
    [InlineData("x stdout F:extra text")]
    public void The_timestamp_is_not_interpreted_so_odd_forms_still_parse(string record)
    {
        Assert.Equal([Out("text")], Parse(record + "\n"));
    }

    [Fact]
    public void Text_keeps_its_spaces_and_an_empty_text_is_an_empty_line()
    {
        Assert.Equal([Out("  two  spaces "), Out(string.Empty), Out(string.Empty)], Parse("t stdout F   two  spaces \nt stdout F \nt stdout F\n"));
    }

    [Fact]
    public void A_carriage_return_ends_a_line_and_a_trailing_one_adds_none()
    {
        Assert.Equal([Out("a"), Out(string.Empty), Out("b"), Out("c")], Parse("t stdout F a\r\rb\nt stdout F c\r\n"));
    }

    [Fact]
    public void A_record_torn_at_the_end_of_a_chunk_waits_for_its_newline()
    {
        var parser = new CriLogParser();
        var lines = new List<ContainerLogLine>();

        parser.Append("t stdout F first\nt std"u8, lines);
        var afterFirstChunk = lines.ToList();
        parser.Append("err F sec"u8, lines);
        var afterSecondChunk = lines.ToList();
        parser.Append("ond\n"u8, lines);

        Assert.Equal([Out("first")], afterFirstChunk);
        Assert.Equal([Out("first")], afterSecondChunk);
        Assert.Equal([Out("first"), Err("second")], lines);
    }

    [Fact]
    public void Every_split_of_the_input_into_chunks_gives_the_same_lines()
    {
        var bytes = Encoding.UTF8.GetBytes("t stdout P ab\nt stderr F e1\nt stdout F cd\nt stdout F é\r\n");
        var whole = ParseBytes(bytes);

        for (var split = 0; split <= bytes.Length; split++)
        {
            var parser = new CriLogParser();
            var lines = new List<ContainerLogLine>();
            parser.Append(bytes.AsSpan(0, split), lines);
            parser.Append(bytes.AsSpan(split), lines);
            Assert.Equal(whole, lines);
        }

        Assert.Equal([Err("e1"), Out("abcd"), Out("é")], whole);
    }

    [Fact]
    public void Completing_delivers_a_torn_last_record_and_an_unfinished_partial_line()
    {
        var parser = new CriLogParser();
        var lines = new List<ContainerLogLine>();
        parser.Append("t stderr P no newline at end\nt stdout F last without newline"u8, lines);
        var beforeCompletion = lines.ToList();

        parser.Complete(lines);

        Assert.Empty(beforeCompletion);
        Assert.Equal([Out("last without newline"), Err("no newline at end")], lines);
    }

    [Fact]
    public void Unfinished_lines_of_both_streams_are_completed_in_the_order_they_began()
    {
        var parser = new CriLogParser();
        var lines = new List<ContainerLogLine>();
        parser.Append("t stderr P first\nt stdout P second\n"u8, lines);

        parser.Complete(lines);

        Assert.Equal([Err("first"), Out("second")], lines);
    }

    [Fact]
    public void A_discarded_torn_record_is_not_delivered()
    {
        var parser = new CriLogParser();
        var lines = new List<ContainerLogLine>();
        parser.Append("t stdout F kept\nt stdout F half-wri"u8, lines);

        parser.DiscardTornRecord();
        parser.Append("t stdout F after truncation\n"u8, lines);

        Assert.Equal([Out("kept"), Out("after truncation")], lines);
    }

    [Theory]
    [InlineData("not a cri record")]
    [InlineData("t journal F text")]
    [InlineData("t stdout X text")]
    [InlineData("lonely")]
    public void A_record_that_is_not_cri_is_kept_whole_on_standard_output(string record)
    {
        Assert.Equal([Out(record)], Parse(record + "\n"));
    }

    [Fact]
    public void Empty_records_give_no_line()
    {
        Assert.Equal([Out("a")], Parse("\n\nt stdout F a\n\n"));
    }

    private static ContainerLogLine Out(string text) => new(LogStream.StandardOutput, text);

    private static ContainerLogLine Err(string text) => new(LogStream.StandardError, text);

    private static List<ContainerLogLine> Parse(string text) => ParseBytes(Encoding.UTF8.GetBytes(text));

    private static List<ContainerLogLine> ParseBytes(byte[] bytes)
    {
        var parser = new CriLogParser();
        var lines = new List<ContainerLogLine>();
        parser.Append(bytes, lines);
        parser.Complete(lines);
        return lines;
    }

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(part => part)];
}
