using Territory.Cli;

return await TerritoryCommand.RunAsync(args, CliConsole.System);
