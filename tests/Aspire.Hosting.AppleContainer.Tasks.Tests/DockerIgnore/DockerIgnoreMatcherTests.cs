using Aspire.Hosting.AppleContainer.Tasks.DockerIgnore;

namespace Aspire.Hosting.AppleContainer.Tasks.Tests.DockerIgnore;

/// <summary>
/// The examples of Docker's documentation (docs.docker.com/build/concepts/context/#dockerignore-files and the
/// dockerignore(5) man page), plus the rules they state.
/// </summary>
public sealed class DockerIgnoreMatcherTests
{
    private static DockerIgnoreMatcher Parse(string text)
    {
        var matcher = DockerIgnoreFile.Parse(text, out var line, out var pattern);
        Assert.Equal(0, line);
        Assert.Null(pattern);
        return matcher;
    }

    [Theory]
    [InlineData("somedir/temporary.txt", true)]
    [InlineData("somedir/temp", true)]
    [InlineData("temporary.txt", false)]
    [InlineData("somedir/subdir/temporary.txt", true)]
    [InlineData("a/b/c/temporary.txt", false)]
    [InlineData("tempa", true)]
    [InlineData("tempb", true)]
    [InlineData("temp", false)]
    [InlineData("tempab", false)]
    public void The_documented_example_excludes_temp_files_one_and_two_levels_down_and_temp_with_one_character(string path, bool excluded)
    {
        var matcher = Parse("# comment\n*/temp*\n*/*/temp*\ntemp?\n");
        Assert.Equal(excluded, matcher.IsExcluded(path));
    }

    [Theory]
    [InlineData("main.go", true)]
    [InlineData("cmd/tool/main.go", true)]
    [InlineData("cmd/tool/main.go.txt", false)]
    [InlineData("go.mod", false)]
    public void Double_star_matches_any_number_of_directories_including_none(string path, bool excluded) =>
        Assert.Equal(excluded, Parse("**/*.go").IsExcluded(path));

    [Theory]
    [InlineData("CHANGELOG.md", true)]
    [InlineData("README.md", false)]
    public void An_exception_re_includes_a_file_an_earlier_line_excluded(string path, bool excluded) =>
        Assert.Equal(excluded, Parse("*.md\n!README.md").IsExcluded(path));

    [Theory]
    [InlineData("CHANGELOG.md", true)]
    [InlineData("README.md", false)]
    [InlineData("README-public.md", false)]
    [InlineData("README-secret.md", true)]
    public void The_last_matching_line_wins_so_a_later_exclusion_overrides_an_exception(string path, bool excluded) =>
        Assert.Equal(excluded, Parse("*.md\n!README*.md\nREADME-secret.md").IsExcluded(path));

    [Theory]
    [InlineData("CHANGELOG.md", true)]
    [InlineData("README-secret.md", false)]
    [InlineData("README.md", false)]
    public void An_exclusion_before_an_exception_has_no_effect(string path, bool excluded) =>
        Assert.Equal(excluded, Parse("*.md\nREADME-secret.md\n!README*.md").IsExcluded(path));

    [Theory]
    [InlineData("/foo/bar")]
    [InlineData("foo/bar")]
    [InlineData("./foo/bar")]
    [InlineData("foo/../foo/bar/")]
    [InlineData("  foo//bar  ")]
    public void Patterns_are_relative_to_the_context_root_and_path_cleaned(string pattern)
    {
        var matcher = Parse(pattern);
        Assert.True(matcher.IsExcluded("foo/bar"));
        Assert.False(matcher.IsExcluded("x/foo/bar"));
    }

    [Fact]
    public void A_pattern_matching_a_directory_excludes_everything_below_it()
    {
        var matcher = Parse("node_modules");
        Assert.True(matcher.IsExcluded("node_modules/a/b/c.js"));
        Assert.False(matcher.IsExcluded("src/node_modules/c.js"));
    }

    [Fact]
    public void An_exception_can_re_include_a_file_inside_an_excluded_directory()
    {
        var matcher = Parse("docs\n!docs/keep.md");
        Assert.True(matcher.HasExceptions);
        Assert.True(matcher.IsExcluded("docs/other.md"));
        Assert.False(matcher.IsExcluded("docs/keep.md"));
    }

    [Theory]
    [InlineData("a*b", "axxb", true)]
    [InlineData("a*b", "ax/xb", false)]
    [InlineData("file[0-9].txt", "file7.txt", true)]
    [InlineData("file[^0-9].txt", "file7.txt", false)]
    [InlineData("file[^0-9].txt", "filex.txt", true)]
    [InlineData(@"star\*.txt", "star*.txt", true)]
    [InlineData(@"star\*.txt", "starx.txt", false)]
    [InlineData("logs/**", "logs/a/b.log", true)]
    [InlineData("a.b", "axb", false)]
    [InlineData("(x)+", "(x)+", true)]
    public void Go_match_syntax_is_supported_and_regex_characters_are_literal(string pattern, string path, bool excluded) =>
        Assert.Equal(excluded, Parse(pattern).IsExcluded(path));

    [Fact]
    public void Comments_blank_lines_and_a_byte_order_mark_are_ignored()
    {
        var matcher = Parse("\uFEFF# *.txt\n\n   \n*.log\n");
        Assert.False(matcher.IsExcluded("a.txt"));
        Assert.True(matcher.IsExcluded("a.log"));
        Assert.Single(matcher.Patterns);
    }

    [Theory]
    [InlineData("*.log\n!\n", 2)]
    [InlineData("ok\nfile[0-9.txt\n", 2)]
    public void An_invalid_line_is_reported_with_its_number(string text, int expectedLine)
    {
        DockerIgnoreFile.Parse(text, out var line, out var pattern);
        Assert.Equal(expectedLine, line);
        Assert.NotNull(pattern);
    }
}
