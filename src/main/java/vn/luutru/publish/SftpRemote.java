package vn.luutru.publish;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.client.extensions.openssh.OpenSSHPosixRenameExtension;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;
import vn.luutru.content.PrintableText;

/**
 * A target on an SFTP server (Apache MINA SSHD's client). The server's key is checked against the
 * known-hosts file: a server seen for the first time is added to it, a server whose key changed is
 * refused. Files are renamed into place with OpenSSH's {@code posix-rename} where the server has it
 * (the old file is replaced in one step), else by removing the old file first.
 */
final class SftpRemote implements Remote {
  private final DeployTarget.Sftp target;
  private final SshClient client;
  private final ClientSession session;
  private final SftpClient sftp;
  private final String root;
  private final Optional<OpenSSHPosixRenameExtension> posixRename;
  private final Set<String> folders;
  private final boolean owner;

  private SftpRemote(
      DeployTarget.Sftp target,
      SshClient client,
      ClientSession session,
      SftpClient sftp,
      Set<String> folders,
      boolean owner) {
    this.target = target;
    this.client = client;
    this.session = session;
    this.sftp = sftp;
    this.folders = folders;
    this.owner = owner;
    this.root = target.path().isEmpty() ? "." : target.path();
    OpenSSHPosixRenameExtension ext = sftp.getExtension(OpenSSHPosixRenameExtension.class);
    this.posixRename = ext != null && ext.isSupported() ? Optional.of(ext) : Optional.empty();
    folders.add("");
  }

  /** Connects, logs in and opens SFTP; checks that the target's folder exists. */
  static SftpRemote open(DeployTarget.Sftp target, DeployOptions options) throws IOException {
    SshClient client = SshClient.setUpDefaultClient();
    client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
    client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
    // A socket that is not there (an agent stopped since the shell started) is no agent.
    Optional<Path> agent = options.agent().filter(Files::exists);
    agent.ifPresent(socket -> client.setAgentFactory(AgentSocket.factory(socket)));
    HostKeys hostKeys = new HostKeys(options.knownHosts());
    try {
      // As ssh does, so that a server seen for the first time can be recorded.
      Files.createDirectories(options.knownHosts().toAbsolutePath().getParent());
    } catch (IOException e) {
      // Then the server's key is checked but not recorded.
    }
    client.setServerKeyVerifier(hostKeys);
    client.start();
    String server = server(target);
    ClientSession session = null;
    try {
      try {
        session =
            client
                .connect(target.user(), target.host(), target.port())
                .verify(options.timeout())
                .getSession();
      } catch (IOException | RuntimeException e) {
        throw unreachable(server, e);
      }
      options.password().ifPresent(session::addPasswordIdentity);
      List<String> tried = new ArrayList<>();
      options.password().ifPresent(p -> tried.add(Messages.get("deploy.tried-password")));
      agent.ifPresent(a -> tried.add(Messages.get("deploy.tried-agent")));
      for (Path identity : options.identities()) {
        if (Files.isRegularFile(identity)) {
          for (KeyPair key : load(session, identity, options.passphrase())) {
            session.addPublicKeyIdentity(key);
          }
          tried.add(identity.toString());
        }
      }
      try {
        session.auth().verify(options.timeout());
      } catch (IOException | RuntimeException e) {
        if (hostKeys.changed) {
          throw new DeployException(
              Messages.get(
                  "deploy.host-key-changed",
                  server,
                  PrintableText.escape(options.knownHosts().toString())),
              e);
        }
        if (lost(e) || e instanceof org.apache.sshd.common.SshException && isTimeout(e)) {
          throw unreachable(server, e);
        }
        throw new DeployException(
            Messages.get(
                "deploy.login-refused",
                server,
                PrintableText.escape(target.user()),
                tried.isEmpty()
                    ? Messages.get("deploy.nothing-to-try")
                    : PrintableText.escape(String.join(", ", tried))),
            e);
      }
      SftpClient sftp;
      try {
        sftp = SftpClientFactory.instance().createSftpClient(session);
      } catch (IOException e) {
        throw new DeployException(Messages.get("deploy.no-sftp", server), e);
      }
      SftpRemote remote =
          new SftpRemote(target, client, session, sftp, ConcurrentHashMap.newKeySet(), true);
      remote.checkRoot();
      return remote;
    } catch (IOException | RuntimeException e) {
      if (session != null) {
        session.close(true);
      }
      client.stop();
      throw e;
    }
  }

  private static Iterable<KeyPair> load(
      ClientSession session, Path identity, Optional<String> passphrase) throws DeployException {
    try (InputStream in = Files.newInputStream(identity)) {
      Iterable<KeyPair> keys =
          SecurityUtils.loadKeyPairIdentities(
              session,
              NamedResource.ofName(identity.toString()),
              in,
              passphrase.map(FilePasswordProvider::of).orElse(FilePasswordProvider.EMPTY));
      return keys == null ? List.of() : keys;
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      throw new DeployException(
          Messages.get(
              "deploy.bad-key",
              PrintableText.escape(identity.toString()),
              PrintableText.escape(reason(e))),
          e);
    }
  }

  private void checkRoot() throws IOException {
    SftpClient.Attributes a;
    try {
      a = sftp.stat(root);
    } catch (IOException e) {
      if (status(e) == SftpConstants.SSH_FX_NO_SUCH_FILE) {
        throw new DeployException(
            Messages.get("deploy.sftp-no-folder", shown(""), server(target)), e);
      }
      throw failure("", e);
    }
    if (!a.isDirectory()) {
      throw new DeployException(Messages.get("deploy.sftp-no-folder", shown(""), server(target)));
    }
  }

  private String full(String path) {
    return path.isEmpty() ? root : root.equals(".") ? path : root + "/" + path;
  }

  /** The path as the user knows it, for messages. */
  private String shown(String path) {
    String base = target.path().isEmpty() ? "~" : target.path();
    return PrintableText.escape(path.isEmpty() ? base : base + "/" + path);
  }

  @Override
  public Optional<byte[]> read(String path) throws IOException {
    try (InputStream in = sftp.read(full(path))) {
      return Optional.of(in.readAllBytes());
    } catch (IOException e) {
      if (status(e) == SftpConstants.SSH_FX_NO_SUCH_FILE) {
        return Optional.empty();
      }
      throw failure(path, e);
    }
  }

  @Override
  public boolean exists(String path) throws IOException {
    try {
      sftp.lstat(full(path));
      return true;
    } catch (IOException e) {
      if (status(e) == SftpConstants.SSH_FX_NO_SUCH_FILE) {
        return false;
      }
      throw failure(path, e);
    }
  }

  @Override
  public OutputStream create(String path) throws IOException {
    try {
      folder(SitePaths.parent(path));
      return sftp.write(
          full(path),
          SftpClient.OpenMode.Write,
          SftpClient.OpenMode.Create,
          SftpClient.OpenMode.Truncate);
    } catch (IOException e) {
      throw failure(path, e);
    }
  }

  /** Makes sure {@code folder} exists, creating it and its parents as needed. */
  private void folder(String folder) throws IOException {
    if (folders.contains(folder)) {
      return;
    }
    boolean there;
    try {
      there = sftp.stat(full(folder)).isDirectory();
    } catch (IOException e) {
      if (status(e) != SftpConstants.SSH_FX_NO_SUCH_FILE) {
        throw e;
      }
      there = false;
    }
    if (!there) {
      folder(SitePaths.parent(folder));
      try {
        sftp.mkdir(full(folder));
      } catch (IOException e) {
        // Another lane may have just made it.
        if (!sftp.stat(full(folder)).isDirectory()) {
          throw e;
        }
      }
    }
    folders.add(folder);
  }

  @Override
  public void rename(String from, String to) throws IOException {
    try {
      if (posixRename.isPresent()) {
        posixRename.get().posixRename(full(from), full(to));
        return;
      }
      delete(to);
      sftp.rename(full(from), full(to));
    } catch (IOException e) {
      throw failure(to, e);
    }
  }

  @Override
  public void delete(String path) throws IOException {
    try {
      sftp.remove(full(path));
    } catch (IOException e) {
      if (status(e) != SftpConstants.SSH_FX_NO_SUCH_FILE) {
        throw failure(path, e);
      }
    }
  }

  @Override
  public boolean removeEmptyFolder(String folder) {
    try {
      sftp.rmdir(full(folder));
      folders.remove(folder);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** A new SFTP channel in the same SSH session. */
  @Override
  public Remote lane() throws IOException {
    try {
      SftpClient channel = SftpClientFactory.instance().createSftpClient(session);
      return new SftpRemote(target, client, session, channel, folders, false);
    } catch (IOException e) {
      throw failure("", e);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      sftp.close();
    } finally {
      if (owner) {
        session.close(true);
        client.stop();
      }
    }
  }

  private DeployException failure(String path, IOException e) {
    if (e instanceof DeployException d) {
      return d;
    }
    String server = server(target);
    int status = status(e);
    if (status == SftpConstants.SSH_FX_PERMISSION_DENIED) {
      return new DeployException(
          Messages.get("deploy.sftp-denied", shown(path), server, shown(SitePaths.parent(path))),
          e);
    }
    if (status < 0 && (lost(e) || !session.isOpen())) {
      return new DeployException(
          Messages.get(
              "deploy.connection-lost", server, shown(path), PrintableText.escape(reason(e))),
          e);
    }
    return new DeployException(
        Messages.get("deploy.sftp-failed", shown(path), server, PrintableText.escape(reason(e))),
        e);
  }

  private static int status(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SftpException s) {
        return s.getStatus();
      }
    }
    return -1;
  }

  private static boolean lost(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof EOFException
          || t instanceof java.net.SocketException
          || t instanceof java.nio.channels.ClosedChannelException) {
        return true;
      }
      String m = t.getMessage();
      if (m != null && (m.contains("closed") || m.contains("Closed"))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isTimeout(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.SocketTimeoutException
          || t instanceof java.util.concurrent.TimeoutException
          || t.getMessage() != null && t.getMessage().contains("timeout")) {
        return true;
      }
    }
    return false;
  }

  private static DeployException unreachable(String server, Throwable e) {
    if (isTimeout(e)) {
      return new DeployException(Messages.get("deploy.timed-out", server), e);
    }
    String why = reason(e);
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException) {
        why = Messages.get("deploy.refused-ssh");
      } else if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
        why = Messages.get("deploy.no-such-host");
      } else if (t instanceof NoRouteToHostException) {
        why = Messages.get("deploy.no-route");
      }
    }
    return new DeployException(Messages.get("deploy.unreachable", server, why), e);
  }

  private static String reason(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && (t.getMessage() == null || t.getMessage().isBlank())) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  private static String server(DeployTarget.Sftp t) {
    return PrintableText.escape(
        t.host() + (t.port() == DeployTarget.SSH_PORT ? "" : ":" + t.port()));
  }

  /**
   * Accepts a server seen for the first time and records its key; refuses, and remembers that it
   * did, a server whose key is not the recorded one.
   */
  private static final class HostKeys extends KnownHostsServerKeyVerifier {
    volatile boolean changed;

    HostKeys(Path knownHosts) {
      super(AcceptAllServerKeyVerifier.INSTANCE, knownHosts);
    }

    @Override
    public boolean acceptModifiedServerKey(
        ClientSession clientSession,
        SocketAddress remoteAddress,
        KnownHostEntry entry,
        PublicKey expected,
        PublicKey actual) {
      changed = true;
      return false;
    }
  }
}
