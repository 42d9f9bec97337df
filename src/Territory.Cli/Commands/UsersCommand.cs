using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Territory.Data;
using Territory.Data.Accounts;

namespace Territory.Cli.Commands;

/// <summary><c>territory users add NAME [--role analyst|admin] [--password-stdin]</c>.</summary>
internal static class UsersCommand
{
    public static Command Build(Option<string?> connection, CliConsole console)
    {
        var name = new Argument<string>("name") { Description = "the account name analysts sign in with" };
        var role = new Option<string>("--role") { Description = "analyst (default) or admin", DefaultValueFactory = _ => AnalystAccount.AnalystRole };
        role.AcceptOnlyFromAmong(AnalystAccount.AnalystRole, AnalystAccount.AdminRole);
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "read the password from the first line of standard input" };

        var add = new Command("add", "create an analyst account (asks for the password; there is no default)");
        add.Arguments.Add(name);
        add.Options.Add(role);
        add.Options.Add(passwordStdin);
        add.SetAction((parse, cancellationToken) => TerritoryCommand.Guard(console, async () =>
        {
            var password = await ReadPasswordAsync(console, parse.GetValue(passwordStdin));
            if (password is null)
            {
                await console.Error.WriteLineAsync("territory: no password given: pass --password-stdin and pipe it in, or run in a terminal to be asked.");
                return 2;
            }

            await using var services = TerritoryCommand.Services(parse.GetValue(connection));
            await services.GetRequiredService<DatabaseStartup>().EnsureReadyAsync(cancellationToken);
            var account = await services.GetRequiredService<AccountStore>()
                .AddAsync(parse.GetValue(name)!, password, parse.GetValue(role)!, mustChangePassword: false, createdBy: null, cancellationToken);
            await console.Out.WriteLineAsync($"created {account.Role} '{account.Name}' (id {account.Id})");
            return 0;
        }));

        var users = new Command("users", "manage analyst accounts");
        users.Subcommands.Add(add);
        return users;
    }

    private static async Task<string?> ReadPasswordAsync(CliConsole console, bool fromStdin)
    {
        if (fromStdin)
        {
            return (await console.In.ReadLineAsync())?.TrimEnd('\r', '\n');
        }

        if (!console.IsInteractive)
        {
            return null;
        }

        var first = ReadHidden(console, $"Password (at least {AccountStore.MinimumPasswordLength} characters): ");
        var second = ReadHidden(console, "Same password again: ");
        if (first != second)
        {
            throw new AccountException("The two passwords differ.");
        }

        return first;
    }

    private static string ReadHidden(CliConsole console, string prompt)
    {
        console.Out.Write(prompt);
        var text = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                console.Out.WriteLine();
                return text.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                {
                    text.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
    }
}
