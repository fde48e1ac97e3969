package vn.luutru.publish;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How to deploy, apart from where: whether to only list the steps, and the credentials of an SFTP
 * target, which come from the environment and the user's SSH folder, never from a settings file.
 *
 * @param dryRun list what would be done, send and delete nothing
 * @param password the SFTP password ({@code LUUTRU_DEPLOY_PASSWORD}), if any
 * @param identities private key files to offer, in order (those that do not exist are skipped)
 * @param passphrase the passphrase of encrypted private keys, if any
 * @param knownHosts the file of known server keys: a server not in it is added, a server whose key
 *     changed is refused
 * @param timeout how long to wait for a server to connect, authenticate or answer
 * @param lanes how many files are sent at once (each over a connection of its own)
 * @param agent the socket of the user's SSH agent ({@code SSH_AUTH_SOCK}), whose keys are offered
 *     before the key files, if any
 * @param certificate a certificate (PEM or DER) an FTPS server's may be or be issued by, besides
 *     the authorities this Java trusts: a department's own authority, or a server's self-signed one
 */
public record DeployOptions(
    boolean dryRun,
    Optional<String> password,
    List<Path> identities,
    Optional<String> passphrase,
    Path knownHosts,
    Duration timeout,
    int lanes,
    Optional<Path> agent,
    Optional<Path> certificate) {
  public DeployOptions {
    identities = List.copyOf(identities);
    if (lanes < 1) {
      throw new IllegalArgumentException(Messages.get("deploy.lanes", lanes));
    }
  }

  /** Options without an SSH agent or a certificate of one's own. */
  public DeployOptions(
      boolean dryRun,
      Optional<String> password,
      List<Path> identities,
      Optional<String> passphrase,
      Path knownHosts,
      Duration timeout,
      int lanes) {
    this(
        dryRun,
        password,
        identities,
        passphrase,
        knownHosts,
        timeout,
        lanes,
        Optional.empty(),
        Optional.empty());
  }

  /**
   * The default number of files sent at once: eight, which with the first leaves OpenSSH's default
   * of ten channels a connection one to spare (FTP, whose lanes are logins of their own, uses at
   * most four); a server that allows fewer gets as many as it accepts, and the deploy goes on with
   * those.
   */
  public static final int LANES = 8;

  /** The default timeout: generous, for slow links. */
  public static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** The keys OpenSSH offers by default, in its order, in {@code sshFolder}. */
  public static List<Path> defaultIdentities(Path sshFolder) {
    return List.of(
        sshFolder.resolve("id_ed25519"),
        sshFolder.resolve("id_ecdsa"),
        sshFolder.resolve("id_rsa"));
  }
}
