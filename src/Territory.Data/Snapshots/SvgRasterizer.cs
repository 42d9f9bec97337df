using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Territory.Data.Snapshots;

/// <summary>Raised when a PNG cannot be made: rsvg-convert missing, failing or too slow.</summary>
public sealed class SnapshotRasterizerException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Turns a snapshot's SVG into a PNG with Debian's rsvg-convert (librsvg2-bin), run as a process with a timeout:
/// a real rasteriser, and the same one in the app, the CLI and the tests.
/// </summary>
/// <param name="executable">The rsvg-convert to run (a name on PATH or a path).</param>
public sealed class SvgRasterizer(string executable = "rsvg-convert", TimeSpan? timeout = null)
{
    private readonly TimeSpan _timeout = timeout ?? TimeSpan.FromSeconds(30);

    /// <summary>One rasteriser per core at a time: each is a process holding the whole image.</summary>
    private static readonly SemaphoreSlim Slots = new(Math.Max(1, Environment.ProcessorCount));

    /// <summary>The PNG of an SVG document at exactly <paramref name="width"/> × <paramref name="height"/> pixels.</summary>
    public async Task<byte[]> ToPngAsync(string svg, int width, int height, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(svg);
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--format", "png", "--width", width.ToString(CultureInfo.InvariantCulture), "--height", height.ToString(CultureInfo.InvariantCulture), "--background-color", "white" })
        {
            start.ArgumentList.Add(argument);
        }

        await Slots.WaitAsync(cancellationToken);
        try
        {
            using var process = new Process { StartInfo = start };
            try
            {
                process.Start();
            }
            catch (Win32Exception e)
            {
                throw new SnapshotRasterizerException($"{executable} is not installed (or not runnable): PNG snapshots need Debian's librsvg2-bin (apt-get install librsvg2-bin fonts-dejavu-core; scripts/run and scripts/test install it). SVG snapshots work without it.", e);
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_timeout);
            try
            {
                using var output = new MemoryStream();
                var copy = process.StandardOutput.BaseStream.CopyToAsync(output, timeout.Token);
                var errors = process.StandardError.ReadToEndAsync(timeout.Token);
                await process.StandardInput.BaseStream.WriteAsync(Encoding.UTF8.GetBytes(svg), timeout.Token);
                process.StandardInput.Close();
                await copy;
                var message = await errors;
                await process.WaitForExitAsync(timeout.Token);
                if (process.ExitCode != 0 || output.Length == 0)
                {
                    throw new SnapshotRasterizerException($"{executable} failed (exit code {process.ExitCode}): {message.Trim()}");
                }

                return output.ToArray();
            }
            catch (IOException e)
            {
                throw new SnapshotRasterizerException($"{executable} failed: {e.Message}", e);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new SnapshotRasterizerException($"{executable} took longer than {_timeout.TotalSeconds:0} s and was stopped.");
            }
            finally
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }
            }
        }
        finally
        {
            Slots.Release();
        }
    }
}
