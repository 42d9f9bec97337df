using System.ComponentModel;
using System.Diagnostics;

namespace Territory.Data.Export;

/// <summary>Raised when a GeoPackage cannot be made: ogr2ogr missing, failing or too slow.</summary>
public sealed class GeoPackageUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Turns GeoJSON into a GeoPackage with GDAL's <c>ogr2ogr</c> (Debian's gdal-bin), run as a process in a private
/// temporary folder that is removed afterwards, whatever happens.
/// </summary>
/// <param name="executable">The ogr2ogr to run (a name on PATH or a path).</param>
public sealed class GeoPackageWriter(string executable = "ogr2ogr", TimeSpan? timeout = null)
{
    private readonly TimeSpan _timeout = timeout ?? TimeSpan.FromSeconds(60);

    /// <summary>The bytes of a GeoPackage holding the features of <paramref name="geoJson"/> in one layer named <paramref name="layer"/>.</summary>
    public async Task<byte[]> ToGeoPackageAsync(byte[] geoJson, string layer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(geoJson);
        var folder = Directory.CreateTempSubdirectory("territory-gpkg-");
        try
        {
            var input = Path.Combine(folder.FullName, "input.geojson");
            var output = Path.Combine(folder.FullName, layer + ".gpkg");
            await File.WriteAllBytesAsync(input, geoJson, cancellationToken);
            var start = new ProcessStartInfo(executable) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var argument in new[] { "-f", "GPKG", "-nln", layer, "-a_srs", "EPSG:4326", "-nlt", "MULTIPOLYGON", output, input })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = new Process { StartInfo = start };
            try
            {
                process.Start();
            }
            catch (Win32Exception e)
            {
                throw new GeoPackageUnavailableException($"{executable} is not installed (or not runnable): GeoPackage exports need GDAL's ogr2ogr from Debian's gdal-bin (apt-get install gdal-bin; scripts/test installs it). The GeoJSON export works without it.", e);
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_timeout);
            try
            {
                var errors = process.StandardError.ReadToEndAsync(timeout.Token);
                var messages = process.StandardOutput.ReadToEndAsync(timeout.Token);
                await process.WaitForExitAsync(timeout.Token);
                var message = (await errors + await messages).Trim();
                if (process.ExitCode != 0 || !File.Exists(output))
                {
                    throw new GeoPackageUnavailableException($"{executable} failed (exit code {process.ExitCode}): {message}");
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new GeoPackageUnavailableException($"{executable} took longer than {_timeout.TotalSeconds:0} s and was stopped.");
            }
            finally
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }
            }

            return await File.ReadAllBytesAsync(output, cancellationToken);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
