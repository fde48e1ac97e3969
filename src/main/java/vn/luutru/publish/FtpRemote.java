package vn.luutru.publish;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.TrustManagerFactory;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPReply;
import org.apache.commons.net.ftp.FTPSClient;
import vn.luutru.content.PrintableText;

/**
 * A target on an FTP server (Apache Commons Net), for hosts that offer nothing else: {@code ftps}
 * asks for TLS ({@code AUTH TLS}) and encrypts the files too, {@code ftp} sends everything in the
 * clear. Passive mode, binary transfers, UTF-8 names. One transfer at a time per connection, so
 * each {@link #lane} is a connection of its own.
 */
final class FtpRemote implements Remote {
  private final DeployTarget.Ftp target;
  private final String password;
  private final Duration timeout;
  private final Optional<Path> certificate;
  private final FTPClient ftp;
  private final String root;
  private final Set<String> folders;

  private FtpRemote(
      DeployTarget.Ftp target,
      String password,
      Duration timeout,
      Optional<Path> certificate,
      FTPClient ftp,
      Set<String> folders) {
    this.target = target;
    this.password = password;
    this.timeout = timeout;
    this.certificate = certificate;
    this.ftp = ftp;
    this.root = target.path().isEmpty() ? "" : target.path();
    this.folders = folders;
  }

  /** Connects and logs in; checks that the target's folder exists. */
  static FtpRemote open(DeployTarget.Ftp target, DeployOptions options) throws IOException {
    if (options.password().isEmpty()) {
      throw new DeployException(
          Messages.get("deploy.ftp-no-password", PrintableText.escape(target.display())));
    }
    Set<String> folders = ConcurrentHashMap.newKeySet();
    folders.add("");
    FtpRemote remote =
        new FtpRemote(
            target,
            options.password().get(),
            options.timeout(),
            options.certificate(),
            connect(target, options.password().get(), options.timeout(), options.certificate()),
            folders);
    remote.checkRoot();
    return remote;
  }

  private static FTPClient connect(
      DeployTarget.Ftp target, String password, Duration timeout, Optional<Path> certificate)
      throws IOException {
    FTPClient ftp = target.secure() ? tls(certificate) : new FTPClient();
    ftp.setControlEncoding(StandardCharsets.UTF_8.name());
    ftp.setConnectTimeout((int) timeout.toMillis());
    ftp.setDefaultTimeout((int) timeout.toMillis());
    ftp.setDataTimeout(timeout);
    String server = server(target);
    try {
      ftp.connect(target.host(), target.port());
    } catch (javax.net.ssl.SSLException e) {
      disconnect(ftp);
      if (untrusted(e)) {
        throw new DeployException(
            Messages.get("deploy.ftp-untrusted", server, reason(e).strip()), e);
      }
      throw new DeployException(Messages.get("deploy.ftp-no-tls", server, reason(e).strip()), e);
    } catch (IOException e) {
      throw unreachable(server, e);
    }
    try {
      if (!FTPReply.isPositiveCompletion(ftp.getReplyCode())) {
        throw new DeployException(Messages.get("deploy.unreachable", server, reply(ftp)));
      }
      if (ftp instanceof FTPSClient tls) {
        try {
          tls.execPBSZ(0);
          tls.execPROT("P");
        } catch (IOException e) {
          throw new DeployException(Messages.get("deploy.ftp-no-tls", server, reason(e)), e);
        }
      }
      if (!ftp.login(target.user(), password)) {
        throw new DeployException(
            Messages.get(
                "deploy.ftp-login-refused",
                server,
                PrintableText.escape(target.user()),
                reply(ftp)));
      }
      ftp.enterLocalPassiveMode();
      ftp.setFileType(FTP.BINARY_FILE_TYPE);
      return ftp;
    } catch (IOException | RuntimeException e) {
      disconnect(ftp);
      if (e instanceof javax.net.ssl.SSLException) {
        throw new DeployException(Messages.get("deploy.ftp-no-tls", server, reason(e)), e);
      }
      if (e instanceof DeployException) {
        throw e;
      }
      throw unreachable(server, e);
    }
  }

  /**
   * An explicit-TLS client that checks the server's certificate as a browser would: issued by an
   * authority this Java trusts, or by {@code certificate}, for the host name in the address
   * (Commons Net's default checks only the dates).
   */
  private static FTPSClient tls(Optional<Path> certificate) throws DeployException {
    FTPSClient tls = new FTPSClient(false);
    try {
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(certificate.isPresent() ? trusted(certificate.get()) : null);
      tls.setTrustManager(trust.getTrustManagers()[0]);
    } catch (GeneralSecurityException e) {
      throw new DeployException(Messages.get("deploy.no-trust", e), e);
    }
    tls.setEndpointCheckingEnabled(true);
    return tls;
  }

  /** The authorities this Java trusts, and the certificates of the file {@code certificate}. */
  private static KeyStore trusted(Path certificate)
      throws GeneralSecurityException, DeployException {
    TrustManagerFactory system =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    system.init((KeyStore) null);
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    try {
      store.load(null, null);
    } catch (IOException e) {
      throw new GeneralSecurityException(e);
    }
    int n = 0;
    for (javax.net.ssl.TrustManager m : system.getTrustManagers()) {
      if (m instanceof javax.net.ssl.X509TrustManager x) {
        for (java.security.cert.X509Certificate c : x.getAcceptedIssuers()) {
          store.setCertificateEntry("system-" + n++, c);
        }
      }
    }
    try (java.io.InputStream in = java.nio.file.Files.newInputStream(certificate)) {
      for (java.security.cert.Certificate c :
          java.security.cert.CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        store.setCertificateEntry("given-" + n++, c);
      }
    } catch (IOException | java.security.cert.CertificateException e) {
      throw new DeployException(
          Messages.get(
              "deploy.bad-certificate",
              PrintableText.escape(certificate.toString()),
              e.getMessage()),
          e);
    }
    return store;
  }

  private void checkRoot() throws IOException {
    if (root.isEmpty()) {
      return;
    }
    boolean there;
    try {
      String here = ftp.printWorkingDirectory();
      there = ftp.changeWorkingDirectory(root);
      if (here != null) {
        ftp.changeWorkingDirectory(here);
      }
    } catch (IOException e) {
      throw failure("", e);
    }
    if (!there) {
      close();
      throw new DeployException(Messages.get("deploy.sftp-no-folder", shown(""), server(target)));
    }
  }

  private String full(String path) {
    return path.isEmpty()
        ? (root.isEmpty() ? "." : root)
        : root.isEmpty() ? path : root + "/" + path;
  }

  private String shown(String path) {
    String base = target.path().isEmpty() ? "~" : target.path();
    return PrintableText.escape(path.isEmpty() ? base : base + "/" + path);
  }

  @Override
  public Optional<byte[]> read(String path) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      if (ftp.retrieveFile(full(path), bytes)) {
        return Optional.of(bytes.toByteArray());
      }
    } catch (IOException e) {
      throw failure(path, e);
    }
    if (ftp.getReplyCode() == FTPReply.FILE_UNAVAILABLE) {
      return Optional.empty();
    }
    throw refused(path);
  }

  @Override
  public boolean exists(String path) throws IOException {
    try {
      int code = ftp.sendCommand("SIZE", full(path));
      return FTPReply.isPositiveCompletion(code);
    } catch (IOException e) {
      throw failure(path, e);
    }
  }

  @Override
  public OutputStream create(String path) throws IOException {
    try {
      folder(SitePaths.parent(path));
      OutputStream out = ftp.storeFileStream(full(path));
      if (out == null) {
        throw refused(path);
      }
      return new FilterOutputStream(out) {
        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
          super.close();
          if (!ftp.completePendingCommand()) {
            throw refused(path);
          }
        }
      };
    } catch (DeployException e) {
      throw e;
    } catch (IOException e) {
      throw failure(path, e);
    }
  }

  private void folder(String folder) throws IOException {
    if (folders.contains(folder)) {
      return;
    }
    folder(SitePaths.parent(folder));
    // An existing folder answers 550 as a refusal would: only a failed upload names the cause.
    ftp.makeDirectory(full(folder));
    folders.add(folder);
  }

  @Override
  public void rename(String from, String to) throws IOException {
    try {
      if (ftp.rename(full(from), full(to))) {
        return;
      }
      // Servers that will not rename over an existing file: remove it first.
      ftp.deleteFile(full(to));
      if (!ftp.rename(full(from), full(to))) {
        throw refused(to);
      }
    } catch (DeployException e) {
      throw e;
    } catch (IOException e) {
      throw failure(to, e);
    }
  }

  @Override
  public void delete(String path) throws IOException {
    try {
      if (!ftp.deleteFile(full(path)) && exists(path)) {
        throw refused(path);
      }
    } catch (DeployException e) {
      throw e;
    } catch (IOException e) {
      throw failure(path, e);
    }
  }

  @Override
  public boolean removeEmptyFolder(String folder) {
    try {
      boolean removed = ftp.removeDirectory(full(folder));
      if (removed) {
        folders.remove(folder);
      }
      return removed;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * FTP's lanes are connections and logins of their own, which hosts often limit by address, and
   * one a firewall drops unanswered costs the whole timeout: at most four, as deploys always used.
   */
  @Override
  public int lanes(int wanted) {
    return Math.min(wanted, 4);
  }

  /** A connection of its own: FTP carries one transfer at a time. */
  @Override
  public Remote lane() throws IOException {
    return new FtpRemote(
        target,
        password,
        timeout,
        certificate,
        connect(target, password, timeout, certificate),
        folders);
  }

  @Override
  public void close() {
    disconnect(ftp);
  }

  private static void disconnect(FTPClient ftp) {
    try {
      if (ftp.isConnected()) {
        ftp.logout();
      }
    } catch (IOException e) {
      // Already gone.
    }
    try {
      ftp.disconnect();
    } catch (IOException e) {
      // Already gone.
    }
  }

  private DeployException refused(String path) {
    return new DeployException(
        Messages.get(
            "deploy.ftp-denied",
            shown(path),
            server(target),
            reply(ftp),
            shown(SitePaths.parent(path))));
  }

  private DeployException failure(String path, IOException e) {
    if (e instanceof DeployException d) {
      return d;
    }
    return new DeployException(
        Messages.get(
            "deploy.connection-lost", server(target), shown(path), PrintableText.escape(reason(e))),
        e);
  }

  /** Whether TLS failed because the server's certificate is not one this computer trusts. */
  private static boolean untrusted(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.security.cert.CertificateException
          || t instanceof javax.net.ssl.SSLHandshakeException) {
        return true;
      }
    }
    return false;
  }

  private static String reply(FTPClient ftp) {
    String r = ftp.getReplyString();
    return PrintableText.escape(r == null ? Messages.get("deploy.no-answer") : r.strip());
  }

  private static String reason(Throwable e) {
    return PrintableText.escape(
        e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
  }

  private static DeployException unreachable(String server, Throwable e) {
    String why = reason(e);
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SocketTimeoutException) {
        return new DeployException(Messages.get("deploy.timed-out", server), e);
      } else if (t instanceof ConnectException) {
        why = Messages.get("deploy.refused-ftp");
      } else if (t instanceof UnknownHostException) {
        why = Messages.get("deploy.no-such-host");
      } else if (t instanceof NoRouteToHostException) {
        why = Messages.get("deploy.no-route");
      }
    }
    return new DeployException(Messages.get("deploy.unreachable", server, why), e);
  }

  private static String server(DeployTarget.Ftp t) {
    return PrintableText.escape(
        t.host() + (t.port() == DeployTarget.Ftp.PORT ? "" : ":" + t.port()));
  }
}
