using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
namespace Guardrails.Testing;

/// <summary>
/// A real Unleash server (npm's unleash-server, pinned in tests/unleash-server/package-lock.json) on 127.0.0.1,
/// backed by a throw-away cluster of Debian's PostgreSQL in a temporary directory. Started once per test run
/// (it takes a few seconds; the first local run also runs <c>npm ci</c>); Dispose stops both and deletes the directory.
/// Shared by the CLI's kill-switch tests and the canary templates' rollback scenario.
/// </summary>
internal sealed class UnleashServer : IDisposable
{
    public const string AdminToken = "*:*.guardrails-test-admin-token";
    public const string ClientToken = "default:development.guardrails-test-client-token";

    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    private readonly string directory;
    private readonly string postgresBin;
    private readonly Process unleash;
    private readonly StringBuilder log = new();

    private UnleashServer(string directory, string postgresBin, Process unleash, Uri address)
    {
        this.directory = directory;
        this.postgresBin = postgresBin;
        this.unleash = unleash;
        Address = address;
    }

    public Uri Address { get; }

    public static UnleashServer Start()
    {
        var node = ExternalTool.Require("node", "Install Node.js (apt-get install nodejs npm); .ci/run does.");
        var postgresBin = PostgresBin();
        var package = RepositoryLayout.PathOf("tests", "unleash-server");
        if (!Directory.Exists(Path.Combine(package, "node_modules", "unleash-server")))
        {
            // .ci/run installs it; a developer's first run installs it here, from the same lock file.
            var npm = ExternalTool.Require("npm", "Install npm (apt-get install npm); .ci/run does.");
            var install = ProcessRunner.Run(npm, ["ci", "--no-audit", "--no-fund", "--loglevel=error"], package, TimeSpan.FromMinutes(10));
            if (install.ExitCode != 0)
            {
                Missing($"npm ci in tests/unleash-server failed (exit {install.ExitCode}): {install.Output}");
            }
        }

        var directory = Directory.CreateTempSubdirectory("guardrails-unleash-").FullName;
        try
        {
            var postgresPort = FreePort();
            StartPostgres(postgresBin, directory, postgresPort);
            var port = FreePort();
            var start = new ProcessStartInfo(node, ["start.js"])
            {
                WorkingDirectory = package,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.Environment["DATABASE_URL"] = $"postgres://unleash@127.0.0.1:{postgresPort}/unleash";
            start.Environment["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            start.Environment["INIT_ADMIN_API_TOKENS"] = AdminToken;
            start.Environment["INIT_CLIENT_API_TOKENS"] = ClientToken;
            start.Environment["UNLEASH_TELEMETRY_DISABLED"] = "true";
            start.Environment["CHECK_VERSION"] = "false";
            var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
            var server = new UnleashServer(directory, postgresBin, process, new Uri($"http://127.0.0.1:{port}/"));
            process.OutputDataReceived += (_, line) => server.Append(line.Data);
            process.ErrorDataReceived += (_, line) => server.Append(line.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                server.WaitUntilReady();
            }
            catch
            {
                server.Dispose();
                throw;
            }

            return server;
        }
        catch (Exception) when (StopPostgres(postgresBin, directory))
        {
            throw;
        }
    }

    /// <summary>An HTTP client speaking to the admin API with the admin token.</summary>
    public HttpClient Admin() => Client(AdminToken);

    /// <summary>An HTTP client speaking to the client API as an SDK of the development environment does.</summary>
    public HttpClient Sdk() => Client(ClientToken);

    /// <summary>Creates a flag in the default project and turns it on in each of <paramref name="environments"/>.</summary>
    public async Task CreateFlagOnAsync(string name, params string[] environments)
    {
        using var admin = Admin();
        using var bound = new CancellationTokenSource(RequestTimeout);
        using var created = await admin.PostAsJsonAsync("api/admin/projects/default/features", new { name }, bound.Token);
        Assert.That(created.IsSuccessStatusCode, Is.True, await created.Content.ReadAsStringAsync());
        foreach (var environment in environments)
        {
            using var on = await admin.PostAsync(new Uri($"api/admin/projects/default/features/{name}/environments/{environment}/on", UriKind.Relative), null, bound.Token);
            Assert.That(on.IsSuccessStatusCode, Is.True, await on.Content.ReadAsStringAsync());
        }
    }

    /// <summary>
    /// What an SDK of the development environment sees on its next poll (null: no such flag). Unleash serves SDKs
    /// from a cache it refreshes after changes, so this polls, as an SDK does, until the expected state shows or 20 s pass.
    /// </summary>
    public async Task<bool?> SdkSeesAsync(string name, bool expected)
    {
        using var sdk = Sdk();
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(20) + RequestTimeout);
        bool? seen = null;
        var stopwatch = Stopwatch.StartNew();
        while (seen != expected && stopwatch.Elapsed < TimeSpan.FromSeconds(20))
        {
            using var features = JsonDocument.Parse(await sdk.GetStringAsync(new Uri("api/client/features", UriKind.Relative), bound.Token));
            var feature = features.RootElement.GetProperty("features").EnumerateArray().FirstOrDefault(feature => feature.GetProperty("name").GetString() == name);
            seen = feature.ValueKind == JsonValueKind.Object ? feature.GetProperty("enabled").GetBoolean() : null;
            if (seen != expected)
            {
                await Task.Delay(250, bound.Token);
            }
        }

        return seen;
    }

    /// <summary>How many events Unleash's event log holds for the flag: a change that writes nothing adds none.</summary>
    public async Task<int> EventCountAsync(string name)
    {
        using var admin = Admin();
        using var bound = new CancellationTokenSource(RequestTimeout);
        using var events = JsonDocument.Parse(await admin.GetStringAsync(new Uri($"api/admin/events/{name}", UriKind.Relative), bound.Token));
        return events.RootElement.GetProperty("events").GetArrayLength();
    }

    public void Dispose()
    {
        if (!unleash.HasExited)
        {
            unleash.Kill(entireProcessTree: true);
            unleash.WaitForExit(10_000);
        }

        unleash.Dispose();
        StopPostgres(postgresBin, directory);
    }

    private HttpClient Client(string token)
    {
        var http = new HttpClient { BaseAddress = Address, Timeout = RequestTimeout };
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", token);
        return http;
    }

    private static string PostgresBin()
    {
        // Debian keeps the server's programs out of PATH, one directory per major version; else a PATH with all three.
        string[] programs = ["initdb", "pg_ctl", "createdb"];
        var versions = Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql") : [];
        var candidates = versions.Select(version => Path.Combine(version, "bin")).OrderDescending(StringComparer.Ordinal)
            .Concat(ExternalTool.Find("initdb") is { } initdb ? [Path.GetDirectoryName(initdb)!] : []);
        var bin = candidates.FirstOrDefault(path => programs.All(program => File.Exists(Path.Combine(path, program))));
        return bin ?? Missing("PostgreSQL is not installed: apt-get install -y postgresql (.ci/run does).");
    }

    private static void StartPostgres(string bin, string directory, int port)
    {
        var data = Path.Combine(directory, "data");
        Postgres(bin, directory, "initdb", "-D", data, "-U", "unleash", "--auth=trust", "--no-sync");
        Postgres(bin, directory, "pg_ctl", "-D", data, "-l", Path.Combine(directory, "postgres.log"), "-w", "-o", $"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=off", "start");
        Postgres(bin, directory, "createdb", "-h", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "unleash", "unleash");
    }

    /// <summary>Stops the cluster and deletes the directory; false, so it can run inside an exception filter.</summary>
    private static bool StopPostgres(string bin, string directory)
    {
        if (Directory.Exists(Path.Combine(directory, "data")))
        {
            RunAsPostgresOwner(bin, directory, "pg_ctl", ["-D", Path.Combine(directory, "data"), "-m", "immediate", "-w", "stop"]);
        }

        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a dying process; the system cleans temporary directories.
        }

        return false;
    }

    private static void Postgres(string bin, string directory, string program, params string[] arguments)
    {
        var outcome = RunAsPostgresOwner(bin, directory, program, arguments);
        if (outcome.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed (exit {outcome.ExitCode}): {outcome.Output}");
        }
    }

    /// <summary>PostgreSQL refuses to run as root: as root (CI), its programs run as Debian's postgres user.</summary>
    private static ProcessOutcome RunAsPostgresOwner(string bin, string directory, string program, IEnumerable<string> arguments)
    {
        var path = Path.Combine(bin, program);
        if (Environment.UserName != "root")
        {
            return ProcessRunner.Run(path, arguments, directory, TimeSpan.FromMinutes(1));
        }

        ProcessRunner.Run("chown", ["-R", "postgres", directory], directory, TimeSpan.FromMinutes(1));
        return ProcessRunner.Run("runuser", ["-u", "postgres", "--", path, .. arguments], directory, TimeSpan.FromMinutes(1));
    }

    private static string Missing(string message)
    {
        if (ExternalTool.IsCi)
        {
            Assert.Fail(message);
        }

        Assert.Ignore(message);
        return message;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private void WaitUntilReady()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (unleash.HasExited)
            {
                throw new InvalidOperationException($"unleash-server exited with {unleash.ExitCode}: {Log}");
            }

            try
            {
                using var response = http.GetAsync(new Uri(Address, "health")).GetAwaiter().GetResult();
                if (response.IsSuccessStatusCode && Log.Contains("unleash ready", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }

            Thread.Sleep(250);
        }

        throw new TimeoutException($"unleash-server was not ready within 120 s: {Log}");
    }

    private string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.AppendLine(line);
            }
        }
    }
}
