using Aspire.Hosting.AppleContainer.Tasks.Images;
using Microsoft.Build.Utilities;

namespace Aspire.Hosting.AppleContainer.Tasks.Tests.Images;

public class MetadataListTests
{
    [Fact]
    public void An_escaped_semicolon_stays_inside_its_entry_while_a_plain_one_separates_entries()
    {
        var item = new TaskItem("web", new Dictionary<string, string> { ["BuildArgs"] = " LIST=a%3Bb ; MODE=1;;" });

        Assert.Equal(["LIST=a;b", "MODE=1"], MetadataList.Read(item, "BuildArgs"));
    }

    [Fact]
    public void Joined_entries_read_back_unchanged_whatever_MSBuild_would_treat_as_special()
    {
        string[] entries = ["LIST=a;b", "PCT=100%", "Q=$(Not) @(Items) %(Meta) 'x' *?", "PLAIN=1"];
        var item = new TaskItem("web");

        item.SetMetadata("BuildArgs", MetadataList.Join(entries));

        Assert.Equal(entries, MetadataList.Read(item, "BuildArgs"));
        Assert.Equal(string.Join(";", entries), item.GetMetadata("BuildArgs"));
    }

    [Theory]
    [InlineData("a%3bb", "a;b")]
    [InlineData("100%", "100%")]
    [InlineData("%zz%4", "%zz%4")]
    [InlineData("%25%3B", "%;")]
    public void Unescaping_turns_only_percent_and_two_hex_digits_into_a_character(string escaped, string expected) =>
        Assert.Equal(expected, MetadataList.Unescape(escaped));
}
