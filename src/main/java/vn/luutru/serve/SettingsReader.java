package vn.luutru.serve;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import vn.luutru.config.SiteConfig;
import vn.luutru.content.Diagnostic;

/**
 * Reads the settings file again while the preview runs: the site's options as the command that
 * started the preview would make them from the file now, or the errors that stop them.
 */
public interface SettingsReader {
  /** The settings file, whose changes the preview watches. */
  Path file();

  /** The options from the file as it is now; no config when it has errors. */
  Reread read() throws IOException;

  /** The options, or empty when {@code diagnostics} hold an error; its warnings either way. */
  record Reread(Optional<SiteConfig> config, List<Diagnostic> diagnostics) {
    public Reread {
      diagnostics = List.copyOf(diagnostics);
    }
  }
}
