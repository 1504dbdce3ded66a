using Aspire.Hosting.AppleContainer.Bridge.Cli;

namespace Aspire.Hosting.AppleContainer.Bridge.ProcessTests;

public sealed class SecretFilesTests
{
    [Fact]
    public void A_file_secret_is_passed_by_its_own_path_next_to_the_files_written_for_value_secrets_and_outlives_them()
    {
        var own = Path.GetTempFileName();
        try
        {
            string written;
            using (var files = SecretFiles.Create(new Dictionary<string, string> { ["value"] = "v" }, new Dictionary<string, string> { ["file"] = own }))
            {
                Assert.Equal(own, files.Paths["file"]);
                written = files.Paths["value"];
                Assert.Equal("v", File.ReadAllText(written));
            }

            Assert.False(File.Exists(written));
            Assert.True(File.Exists(own));
        }
        finally
        {
            File.Delete(own);
        }
    }

    [Theory]
    [InlineData("/nonexistent/engd-secret")]
    [InlineData("/tmp/engd,secret")]
    public void A_file_secret_that_is_not_an_existing_file_or_has_a_comma_is_refused_as_an_invalid_spec(string path)
    {
        var error = Assert.Throws<BridgeException>(() => SecretFiles.Create(new Dictionary<string, string>(), new Dictionary<string, string> { ["file"] = path }));

        Assert.Equal(BridgeErrorCode.InvalidSpec, error.Code);
        Assert.Equal("secret", error.Option);
    }
}
