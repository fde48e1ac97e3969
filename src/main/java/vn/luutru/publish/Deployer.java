package vn.luutru.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import vn.luutru.content.PrintableText;

/**
 * Publishes a built site to a target, sending only what changed.
 *
 * <pre>{@code
 * DeployReport r = Deployer.deploy(Path.of("site"), DeployTarget.parse("/mnt/web"), options);
 * }</pre>
 *
 * <p>The steps: read the target's manifest (and the journal of an interrupted deploy); send each
 * new or changed file under a temporary name and rename it into place, in the stages of {@link
 * Plan}, noting each in the journal; delete the files of the manifest the site no longer has; write
 * the new manifest and remove the journal. Stopped anywhere, the target holds only whole files, and
 * the next deploy resumes.
 */
public final class Deployer {
  private Deployer() {}

  public static DeployReport deploy(Path site, DeployTarget target, DeployOptions options)
      throws IOException {
    return deploy(site, target, options, Progress.NONE);
  }

  /** As {@link #deploy(Path, DeployTarget, DeployOptions)}, telling {@code progress} each step. */
  public static DeployReport deploy(
      Path site, DeployTarget target, DeployOptions options, Progress progress) throws IOException {
    // Read while no build changes the site, so that it is read whole.
    LocalSite local = vn.luutru.output.SiteWriter.whileNoBuild(site, () -> LocalSite.scan(site));
    try (Remote remote = open(local, target, options)) {
      return new Deployer.Run(local, target, remote, options, progress).run();
    }
  }

  private static Remote open(LocalSite local, DeployTarget target, DeployOptions options)
      throws IOException {
    if (target instanceof DeployTarget.Folder f) {
      FolderRemote remote = FolderRemote.open(f.root());
      if (f.root().toRealPath().startsWith(local.root().toRealPath())) {
        throw new DeployException(
            Messages.get("deploy.inside-site", PrintableText.escape(f.root().toString())));
      }
      return remote;
    }
    if (target instanceof DeployTarget.Ftp f) {
      return FtpRemote.open(f, options);
    }
    return SftpRemote.open((DeployTarget.Sftp) target, options);
  }

  /** One deploy, from reading the manifest to writing the new one. */
  private static final class Run {
    private final LocalSite local;
    private final DeployTarget target;
    private final Remote remote;
    private final boolean dryRun;
    private final int lanes;
    private final List<Action> done = Collections.synchronizedList(new ArrayList<>());
    private final List<String> replaced = Collections.synchronizedList(new ArrayList<>());

    private final Progress progress;
    private int total;

    Run(
        LocalSite local,
        DeployTarget target,
        Remote remote,
        DeployOptions options,
        Progress progress) {
      this.progress = progress;
      this.local = local;
      this.target = target;
      this.remote = remote;
      this.dryRun = options.dryRun();
      this.lanes = options.lanes();
    }

    DeployReport run() throws IOException {
      Manifest published = readManifest();
      Optional<byte[]> journal = remote.read(Journal.FILE);
      boolean resumed = journal.isPresent();
      if (resumed) {
        published = applyJournal(published, journal.get());
      }
      Plan plan = Plan.of(local.manifest(), published);
      if (dryRun) {
        return report(plan.actions(), plan, resumed);
      }
      if (resumed) {
        // The journal's steps go into the manifest first, so a fresh journal can start.
        writeManifest(published);
        remote.delete(Journal.FILE);
      }
      if (plan.actions().isEmpty()) {
        if (!resumed && !remote.exists(Manifest.FILE)) {
          writeManifest(local.manifest());
        }
        return report(List.of(), plan, resumed);
      }
      total = plan.actions().size();
      try {
        apply(plan, published);
      } catch (DeployException e) {
        throw new DeployException(e.getMessage() + Messages.get("deploy.resume"), e);
      }
      return report(done, plan, resumed);
    }

    private void apply(Plan plan, Manifest published) throws IOException {
      int sends = plan.stages().stream().mapToInt(List::size).sum();
      try (OutputStream log = remote.create(Journal.FILE);
          Lanes parallel = Lanes.open(remote, Math.max(1, Math.min(remote.lanes(lanes), sends)))) {
        for (List<Action> stage : plan.stages()) {
          parallel.run(
              stage,
              (lane, a) -> {
                Manifest.Entry entry = local.manifest().files().get(a.path());
                if (published.get(a.path()).isEmpty() && lane.exists(a.path())) {
                  replaced.add(a.path());
                }
                send(lane, a.path(), entry);
                note(log, Journal.placed(a.path(), entry), a);
              });
        }
        for (Action a : plan.deletes()) {
          remote.delete(a.path());
          note(log, Journal.deleted(a.path()), a);
          removeEmptyFolders(a.path());
        }
      }
      writeManifest(local.manifest());
      remote.delete(Journal.FILE);
    }

    private DeployReport report(List<Action> actions, Plan plan, boolean resumed) {
      return new DeployReport(
          target.display(),
          dryRun,
          resumed,
          actions,
          plan.unchangedFiles(),
          plan.unchangedBytes(),
          replaced);
    }

    private void note(OutputStream log, byte[] line, Action a) throws IOException {
      synchronized (log) {
        log.write(line);
        log.flush();
        done.add(a);
        progress.step(a, done.size(), total);
      }
    }

    private Manifest readManifest() throws IOException {
      Optional<byte[]> bytes = remote.read(Manifest.FILE);
      if (bytes.isEmpty()) {
        return Manifest.empty();
      }
      try {
        return Manifest.parse(bytes.get());
      } catch (IllegalArgumentException e) {
        throw new DeployException(
            Messages.get("deploy.damaged", where(Manifest.FILE), e.getMessage(), Manifest.FILE));
      }
    }

    private Manifest applyJournal(Manifest published, byte[] journal) throws DeployException {
      try {
        return Journal.apply(published, journal);
      } catch (IllegalArgumentException e) {
        throw new DeployException(
            Messages.get("deploy.damaged", where(Journal.FILE), e.getMessage(), Journal.FILE));
      }
    }

    /** Sends one file under a temporary name, checks its bytes, and renames it into place. */
    private void send(Remote lane, String path, Manifest.Entry expected) throws IOException {
      String temporary = SitePaths.temporary(path);
      MessageDigest sha = LocalSite.sha256();
      try (InputStream in = Files.newInputStream(local.file(path));
          OutputStream out = new DigestOutputStream(lane.create(temporary), sha)) {
        in.transferTo(out);
      }
      if (!HexFormat.of().formatHex(sha.digest()).equals(expected.sha256())) {
        lane.delete(temporary);
        throw new DeployException(
            Messages.get("deploy.site-changed", PrintableText.escape(local.file(path).toString())));
      }
      lane.rename(temporary, path);
    }

    private void writeManifest(Manifest manifest) throws IOException {
      String temporary = SitePaths.temporary(Manifest.FILE);
      try (OutputStream out = remote.create(temporary)) {
        out.write(manifest.toBytes());
      }
      remote.rename(temporary, Manifest.FILE);
    }

    private void removeEmptyFolders(String path) {
      for (String folder = SitePaths.parent(path);
          !folder.isEmpty() && remote.removeEmptyFolder(folder);
          folder = SitePaths.parent(folder)) {}
    }

    private String where(String file) {
      String t = target.display();
      return PrintableText.escape(t.endsWith("/") ? t + file : t + "/" + file);
    }
  }
}
