package vn.luutru.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.Handle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * A real SFTP server (Apache MINA SSHD) on a free loopback port, serving {@code root} to one user
 * who logs in with {@link #PASSWORD} or the key {@link #clientKey}. It records every write, rename
 * and removal in {@link #log}, in the order it served them; hooks stop a connection or refuse a
 * write at a chosen step.
 */
public final class SftpTestServer implements AutoCloseable {
  public static final String USER = "tuyengiao";
  public static final String PASSWORD = "mật-khẩu 2020";

  /** One operation the server carried out: {@code write}, {@code rename} or {@code remove}. */
  public record Op(String kind, String path) {}

  public final Path root;
  public final KeyPair clientKey;
  private final SshServer server;
  private final List<Op> log = new ArrayList<>();
  private volatile Predicate<Op> dropConnectionBefore = op -> false;
  private volatile Predicate<String> denyWrite = path -> false;
  private volatile java.util.function.Consumer<Op> before = op -> {};

  public SftpTestServer(Path root, Path hostKey) throws IOException, GeneralSecurityException {
    this.root = root;
    this.clientKey = ed25519();
    server = SshServer.setUpDefaultServer();
    server.setHost("127.0.0.1");
    server.setPort(0);
    server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(hostKey));
    server.setPasswordAuthenticator(
        (user, password, session) -> user.equals(USER) && password.equals(PASSWORD));
    PublicKey allowed = clientKey.getPublic();
    server.setPublickeyAuthenticator(
        (user, key, session) -> user.equals(USER) && KeyUtils.compareKeys(allowed, key));
    server.setFileSystemFactory(new VirtualFileSystemFactory(root));
    SftpSubsystemFactory sftp = new SftpSubsystemFactory.Builder().build();
    sftp.addSftpEventListener(new Recorder());
    server.setSubsystemFactories(List.of(sftp));
    server.start();
  }

  /** A new Ed25519 key pair, as MINA SSHD reads them from OpenSSH's files. */
  public static KeyPair ed25519() throws GeneralSecurityException {
    return SecurityUtils.getKeyPairGenerator(SecurityUtils.EDDSA).generateKeyPair();
  }

  public int port() {
    return server.getPort();
  }

  /** The address of a folder on this server, relative to its root. */
  public String address(String folder) {
    return "sftp://" + USER + "@127.0.0.1:" + port() + "/" + folder;
  }

  public List<Op> log() {
    synchronized (log) {
      return List.copyOf(log);
    }
  }

  public void clearLog() {
    synchronized (log) {
      log.clear();
    }
  }

  /**
   * Closes the connection, instead of carrying it out, at the first operation {@code when} accepts.
   */
  public void dropConnectionBefore(Predicate<Op> when) {
    this.dropConnectionBefore = when;
  }

  /** Runs {@code hook} before each operation, on the server's thread. */
  public void before(java.util.function.Consumer<Op> hook) {
    this.before = hook;
  }

  /** Answers "permission denied" to opening for writing a path that {@code which} accepts. */
  public void denyWrite(Predicate<String> which) {
    this.denyWrite = which;
  }

  /** Writes the client's private key where a user's key would be, in OpenSSH's format. */
  public void writeClientKey(Path file) throws IOException, GeneralSecurityException {
    Files.createDirectories(file.getParent());
    try (OutputStream out = Files.newOutputStream(file)) {
      OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(clientKey, "test", null, out);
    }
  }

  private String relative(Path p) {
    String s = p.toString();
    while (s.startsWith("/")) {
      s = s.substring(1);
    }
    return s;
  }

  private void record(ServerSession session, Op op) throws IOException {
    before.accept(op);
    if (dropConnectionBefore.test(op)) {
      session.close(true);
      throw new IOException("connection dropped by the test");
    }
    synchronized (log) {
      log.add(op);
    }
  }

  private final class Recorder implements SftpEventListener {
    @Override
    public void opening(ServerSession session, String remoteHandle, Handle handle)
        throws IOException {
      if (handle instanceof FileHandle f
          && (f.getOpenOptions().contains(java.nio.file.StandardOpenOption.WRITE)
              || f.getOpenOptions().contains(java.nio.file.StandardOpenOption.APPEND))) {
        String path = relative(f.getFile());
        if (denyWrite.test(path)) {
          throw new AccessDeniedException(path);
        }
        record(session, new Op("write", path));
      }
    }

    @Override
    public void moving(
        ServerSession session, Path srcPath, Path dstPath, Collection<CopyOption> opts)
        throws IOException {
      record(session, new Op("rename", relative(dstPath)));
    }

    @Override
    public void removing(ServerSession session, Path path, boolean isDirectory) throws IOException {
      record(session, new Op(isDirectory ? "rmdir" : "remove", relative(path)));
    }
  }

  @Override
  public void close() throws IOException {
    server.stop(true);
  }
}
