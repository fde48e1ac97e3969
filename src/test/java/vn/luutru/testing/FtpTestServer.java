package vn.luutru.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.DefaultFtplet;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.ftplet.FtpSession;
import org.apache.ftpserver.ftplet.FtpletResult;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.WritePermission;

/**
 * A real FTP server (Apache FtpServer) on a free loopback port, serving {@code root} to one user
 * with {@link SftpTestServer#PASSWORD}. It records every upload, rename and deletion in {@link
 * #log}; a hook disconnects the client at a chosen step.
 */
public final class FtpTestServer implements AutoCloseable {
  public static final String KEYSTORE_PASSWORD = "khoa-thu";

  private final FtpServer server;
  private final int port;
  private final List<SftpTestServer.Op> log = new ArrayList<>();
  private volatile Predicate<SftpTestServer.Op> dropConnectionBefore = op -> false;

  public FtpTestServer(Path root) throws FtpException {
    this(root, java.util.Optional.empty());
  }

  /**
   * As {@link #FtpTestServer(Path)}, offering TLS ({@code AUTH TLS}) with the key in {@code
   * keystore} (PKCS12, password {@link #KEYSTORE_PASSWORD}) when given.
   */
  public FtpTestServer(Path root, java.util.Optional<Path> keystore) throws FtpException {
    FtpServerFactory factory = new FtpServerFactory();
    ListenerFactory listener = new ListenerFactory();
    listener.setServerAddress("127.0.0.1");
    listener.setPort(0);
    DataConnectionConfigurationFactory data = new DataConnectionConfigurationFactory();
    data.setPassiveAddress("127.0.0.1");
    data.setPassivePorts("0");
    listener.setDataConnectionConfiguration(data.createDataConnectionConfiguration());
    keystore.ifPresent(
        k -> {
          org.apache.ftpserver.ssl.SslConfigurationFactory ssl =
              new org.apache.ftpserver.ssl.SslConfigurationFactory();
          ssl.setKeystoreFile(k.toFile());
          ssl.setKeystoreType("PKCS12");
          ssl.setKeystorePassword(KEYSTORE_PASSWORD);
          ssl.setKeyPassword(KEYSTORE_PASSWORD);
          listener.setSslConfiguration(ssl.createSslConfiguration());
          listener.setImplicitSsl(false);
        });
    factory.addListener("default", listener.createListener());
    UserManager users = new PropertiesUserManagerFactory().createUserManager();
    BaseUser user = new BaseUser();
    user.setName(SftpTestServer.USER);
    user.setPassword(SftpTestServer.PASSWORD);
    user.setHomeDirectory(root.toString());
    user.setAuthorities(new ArrayList<>(List.of(new WritePermission())));
    users.save(user);
    factory.setUserManager(users);
    factory.setFtplets(new java.util.HashMap<>(Map.of("recorder", new Recorder())));
    server = factory.createServer();
    server.start();
    port = factory.getListener("default").getPort();
  }

  /** Writes a self-signed key for 127.0.0.1 with the JDK's keytool. */
  public static Path selfSignedKeystore(Path dir) throws IOException, InterruptedException {
    Path keystore = dir.resolve("ftp.p12");
    keytool(
        "-genkeypair",
        "-alias",
        "ftp",
        "-keyalg",
        "EC",
        "-dname",
        "CN=127.0.0.1",
        "-ext",
        "SAN=ip:127.0.0.1",
        "-validity",
        "2",
        "-storetype",
        "PKCS12",
        "-keystore",
        keystore.toString(),
        "-storepass",
        KEYSTORE_PASSWORD);
    return keystore;
  }

  /** The certificate of {@code keystore} (one of {@link #selfSignedKeystore}), as a PEM file. */
  public static Path certificate(Path keystore) throws IOException, InterruptedException {
    Path pem = keystore.resolveSibling("ftp.pem");
    keytool(
        "-exportcert",
        "-rfc",
        "-alias",
        "ftp",
        "-keystore",
        keystore.toString(),
        "-storepass",
        KEYSTORE_PASSWORD,
        "-file",
        pem.toString());
    return pem;
  }

  /** Runs this Java's keytool with {@code args}. */
  private static void keytool(String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IOException("keytool failed: " + out);
    }
  }

  public int port() {
    return port;
  }

  /** The address of a folder on this server, relative to its root. */
  public String address(String folder) {
    return "ftp://" + SftpTestServer.USER + "@127.0.0.1:" + port + "/" + folder;
  }

  public List<SftpTestServer.Op> log() {
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
   * Disconnects the client, instead of carrying it out, at the first operation {@code when}
   * accepts.
   */
  public void dropConnectionBefore(Predicate<SftpTestServer.Op> when) {
    this.dropConnectionBefore = when;
  }

  private final class Recorder extends DefaultFtplet {
    private FtpletResult record(String kind, FtpRequest request) {
      String path = request.getArgument();
      while (path.startsWith("/")) {
        path = path.substring(1);
      }
      SftpTestServer.Op op = new SftpTestServer.Op(kind, path);
      if (dropConnectionBefore.test(op)) {
        return FtpletResult.DISCONNECT;
      }
      synchronized (log) {
        log.add(op);
      }
      return FtpletResult.DEFAULT;
    }

    /** A login is noted without its password, the argument of the command. */
    @Override
    public FtpletResult onLogin(FtpSession session, FtpRequest request) {
      synchronized (log) {
        log.add(new SftpTestServer.Op("login", ""));
      }
      return FtpletResult.DEFAULT;
    }

    @Override
    public FtpletResult onUploadStart(FtpSession session, FtpRequest request) {
      return record("write", request);
    }

    @Override
    public FtpletResult onRenameStart(FtpSession session, FtpRequest request) {
      return record("rename", request);
    }

    @Override
    public FtpletResult onDeleteStart(FtpSession session, FtpRequest request) {
      return record("remove", request);
    }
  }

  @Override
  public void close() throws IOException {
    server.stop();
  }
}
