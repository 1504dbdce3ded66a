namespace Aspire.Hosting.AppleContainer.Bridge.Cli;

/// <summary>Writing the request's standard input and closing it.</summary>
internal sealed partial class CliProcess
{
    private void FeedStandardInput()
    {
        if (_request.KeepStandardInputOpen)
        {
            return;
        }

        var input = _request.StandardInput;
        var bytes = _request.StandardInputBytes;
        if (input is null && bytes is null)
        {
            CloseStandardInput();
            return;
        }

        _inputFeed = Task.Run(async () =>
        {
            try
            {
                if (bytes is { } data)
                {
                    // Nothing went through the writer, so its stream takes the bytes as they are.
                    await _process.StandardInput.BaseStream.WriteAsync(data, _pumpCancellation.Token).ConfigureAwait(false);
                    await _process.StandardInput.BaseStream.FlushAsync(_pumpCancellation.Token).ConfigureAwait(false);
                }
                else
                {
                    await _process.StandardInput.WriteAsync(input.AsMemory(), _pumpCancellation.Token).ConfigureAwait(false);
                    await _process.StandardInput.FlushAsync(_pumpCancellation.Token).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
            {
                // The child exited before reading all of its input (broken pipe), or it was stopped: its choice or ours.
            }
            finally
            {
                CloseStandardInput();
            }
        });
    }

    private void CloseStandardInput()
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // Closing flushes what a child that is gone can no longer take.
        }
    }
}
