package vn.luutru.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;
import vn.luutru.content.PrintableText;

/**
 * Prints a usage error in the user's language: {@code luutru build: error: …}, a suggestion when
 * picocli has one, and where to read the options; the exit code is 2. picocli's own messages are
 * English sentences, recognised here and said again from the bundle; a message of luutru's own is
 * already in the user's language and printed as it is.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {
  /** picocli's messages, each with the text that says it again; the groups are its arguments. */
  private static final List<Map.Entry<Pattern, String>> PICOCLI =
      List.of(
          Map.entry(Pattern.compile("Unknown options?: (.+)"), "usage.unknown-option"),
          Map.entry(Pattern.compile("Unknown subcommand '(.+)'\\."), "usage.unknown-command"),
          Map.entry(
              Pattern.compile("Unmatched arguments? (?:at|from) index \\d+: (.+)"),
              "usage.unmatched"),
          Map.entry(
              Pattern.compile("Missing required parameter for option '(.+)' \\((.+)\\)"),
              "usage.missing-value"),
          Map.entry(
              Pattern.compile("Expected parameter for option '(.+)' but found '(.+)'"),
              "usage.expected-value"),
          Map.entry(
              Pattern.compile("Missing required parameters?: (.+)"), "usage.missing-parameter"),
          Map.entry(Pattern.compile("Missing required options?: (.+)"), "usage.missing-option"),
          Map.entry(
              Pattern.compile(
                  "Invalid value for (?:option |positional parameter at index \\d+ )?(.+?): (.+)"),
              "usage.invalid-value"),
          Map.entry(Pattern.compile("'(.*)' is not an? \\w+"), "usage.not-a-number"),
          Map.entry(
              Pattern.compile("option '(.+)' \\(.*\\) should be specified only once"),
              "usage.given-twice"));

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    String name = cmd.getCommandSpec().qualifiedName();
    err.println(Messages.get("usage.error", name, PrintableText.escape(say(e.getMessage()))));
    if (e instanceof UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
      err.println(Messages.get("usage.did-you-mean", String.join(", ", u.getSuggestions())));
    }
    err.println(Messages.get("usage.see-help", name));
    err.flush();
    return cmd.getCommandSpec().exitCodeOnInvalidInput();
  }

  /** {@code message} in the user's language: picocli's said again, any other as it is. */
  static String say(String message) {
    String m = message == null ? "" : message.strip();
    for (Map.Entry<Pattern, String> p : PICOCLI) {
      Matcher matcher = p.getKey().matcher(m);
      if (matcher.matches()) {
        Object[] args = new Object[matcher.groupCount()];
        for (int i = 0; i < args.length; i++) {
          // The reason of an invalid value is itself one of picocli's messages.
          args[i] = i == 1 ? say(matcher.group(i + 1)) : matcher.group(i + 1);
        }
        return Messages.get(p.getValue(), args);
      }
    }
    return m;
  }
}
