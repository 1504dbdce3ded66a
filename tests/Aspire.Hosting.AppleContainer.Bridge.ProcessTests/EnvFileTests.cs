using Aspire.Hosting.AppleContainer.Bridge.Cli;

namespace Aspire.Hosting.AppleContainer.Bridge.ProcessTests;

public sealed class EnvFileTests
{
    [Fact]
    public void An_env_file_holds_KEY_VALUE_lines()
    {
        using var file = EnvFile.Create(new Dictionary<string, string> { ["PASSWORD"] = "s3cr=t with spaces", ["TOKEN"] = "ünïcödé", ["EMPTY"] = "" });

        var text = File.ReadAllText(file.Path);
        Assert.Equal(["EMPTY=", "PASSWORD=s3cr=t with spaces", "TOKEN=ünïcödé"], text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
        Assert.EndsWith("\n", text);
        Assert.DoesNotContain('\r', text);
    }

    [Fact]
    public void An_env_file_is_readable_by_its_owner_only()
    {
        using var file = EnvFile.Create(new Dictionary<string, string> { ["PASSWORD"] = "secret" });

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file.Path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(file.Path)!));
    }

    [Fact]
    public void Disposing_an_env_file_deletes_it()
    {
        var file = EnvFile.Create(new Dictionary<string, string> { ["PASSWORD"] = "secret" });
        Assert.True(File.Exists(file.Path));

        file.Dispose();
        file.Dispose();

        Assert.False(File.Exists(file.Path));
    }

    [Theory]
    [InlineData("line\nbreak")]
    [InlineData("carriage\rreturn")]
    [InlineData("both\r\n")]
    public void A_value_with_a_line_break_is_rejected(string value)
    {
        var error = Assert.Throws<BridgeException>(() => EnvFile.Create(new Dictionary<string, string> { ["KEY"] = value }));

        Assert.Equal(BridgeErrorCode.InvalidSpec, error.Code);
        Assert.Contains("KEY", error.Message);
        Assert.DoesNotContain(value, error.Message);
    }

    [Fact]
    public void Two_env_files_never_share_a_path()
    {
        using var first = EnvFile.Create(new Dictionary<string, string> { ["A"] = "1" });
        using var second = EnvFile.Create(new Dictionary<string, string> { ["A"] = "1" });

        Assert.NotEqual(first.Path, second.Path);
    }
}
