using Territory.Cli;
using Territory.Data.Accounts;
using Territory.Testing;

namespace Territory.Cli.Tests;

public class UsersCommandTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Users_add_creates_an_analyst_who_can_sign_in()
    {
        var name = "cli-" + Guid.NewGuid().ToString("N")[..8];
        var (code, output, errors) = await RunAsync("a password from stdin\n", "users", "add", name, "--password-stdin", "--connection", database.ConnectionString);

        Assert.True(code == 0, errors);
        Assert.Contains($"created analyst '{name}'", output, StringComparison.Ordinal);
        var account = await new AccountStore(database.DataSource, TimeProvider.System).VerifyAsync(name, "a password from stdin", TestContext.Current.CancellationToken);
        Assert.NotNull(account);
        Assert.Equal(AnalystAccount.AnalystRole, account.Role);
    }

    [Fact]
    public async Task Users_add_without_a_password_refuses_instead_of_inventing_one()
    {
        var (code, _, errors) = await RunAsync(string.Empty, "users", "add", "nopassword", "--connection", database.ConnectionString);
        Assert.Equal(2, code);
        Assert.Contains("no password given", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_short_password_or_a_taken_name_is_one_clear_error()
    {
        var name = "taken-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(0, (await RunAsync("long enough password\n", "users", "add", name, "--password-stdin", "--connection", database.ConnectionString)).Code);

        var taken = await RunAsync("long enough password\n", "users", "add", name, "--password-stdin", "--connection", database.ConnectionString);
        Assert.Equal(1, taken.Code);
        Assert.Contains("already exists", taken.Errors, StringComparison.Ordinal);

        var shortPassword = await RunAsync("short\n", "users", "add", name + "x", "--password-stdin", "--connection", database.ConnectionString);
        Assert.Equal(1, shortPassword.Code);
        Assert.Contains("at least 12 characters", shortPassword.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_role_is_a_usage_error()
    {
        var (code, _, errors) = await RunAsync("long enough password\n", "users", "add", "someone", "--role", "emperor", "--password-stdin", "--connection", database.ConnectionString);
        Assert.NotEqual(0, code);
        Assert.Contains("emperor", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_database_names_the_setting()
    {
        var (code, _, errors) = await RunAsync("long enough password\n", "users", "add", "someone", "--password-stdin", "--connection", "Host=127.0.0.1;Port=1;Timeout=2");
        Assert.Equal(1, code);
        Assert.Contains("ConnectionStrings:Territory", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Db_status_reports_versions()
    {
        var (code, output, errors) = await RunAsync(string.Empty, "db", "status", "--connection", database.ConnectionString);
        Assert.True(code == 0, errors);
        Assert.Contains("PostGIS 3.", output, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output, string Errors)> RunAsync(string input, params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = await TerritoryCommand.RunAsync(args, new CliConsole(new StringReader(input), output, errors, IsInteractive: false), TestContext.Current.CancellationToken);
        return (code, output.ToString(), errors.ToString());
    }
}
