package vn.luutru.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Why the site could not be written, as the file system says it, in a sentence with what to do. The
 * tests run as root here, and no small or read-only disk can be made in a test: the exceptions are
 * the ones the JDK throws for EACCES, ENOSPC, EROFS, ENOENT and ENOTEMPTY.
 */
class WriteProblemTest {
  @TempDir Path dir;

  @Test
  void permissionDeniedNamesTheFolderAndWhatToDo() {
    Path site = dir.resolve("site");
    String s =
        WriteProblem.describe(
            new AccessDeniedException(dir.resolve("site.tmp-1").toString()), site);
    assertThat(s)
        .isEqualTo(
            "cannot write the site into "
                + site
                + ": permission denied on "
                + dir
                + ": choose another --output or make "
                + dir
                + " writable");
  }

  @Test
  void aFullDiskSaysSo() {
    Path site = dir.resolve("site");
    Path file = dir.resolve("site.tmp-1/2020/index.html");
    String s =
        WriteProblem.describe(
            new FileSystemException(file.toString(), null, "No space left on device"), site);
    assertThat(s)
        .isEqualTo(
            "cannot write the site into "
                + site
                + ": the disk is full (No space left on device)"
                + " while writing "
                + file
                + ": free some space on the disk of "
                + dir
                + ", or choose another --output");
  }

  /** A write through a channel fails with a plain IOException: its message is the reason. */
  @Test
  void aFullDiskSaysSoWhenTheExceptionNamesNoFile() {
    Path site = dir.resolve("site");
    assertThat(WriteProblem.describe(new IOException("No space left on device"), site))
        .isEqualTo(
            "cannot write the"
                + " site into "
                + site
                + ": the disk is full (No space left on device): free some space on the disk of "
                + dir
                + ", or choose another --output");
  }

  @Test
  void aReadOnlyDiskSaysSo() {
    Path site = dir.resolve("site");
    String s =
        WriteProblem.describe(
            new FileSystemException(
                dir.resolve("site.tmp-1").toString(), null, "Read-only file system"),
            site);
    assertThat(s)
        .isEqualTo(
            "cannot write the site into "
                + site
                + ": the disk of "
                + dir
                + " is read-only: choose another --output on a disk you can write to");
  }

  @Test
  void aFolderDeletedOrFilledByAnotherProgram() {
    Path site = dir.resolve("site");
    assertThat(
            WriteProblem.describe(
                new NoSuchFileException(dir.resolve("site.tmp-1/2020").toString()), site))
        .isEqualTo(
            "cannot write the site into "
                + site
                + ": "
                + dir.resolve("site.tmp-1/2020")
                + " disappeared while the site was being written (did another program delete it?): build again");
    assertThat(WriteProblem.describe(new DirectoryNotEmptyException(site.toString()), site))
        .isEqualTo(
            "cannot write the site into "
                + site
                + ": another program put "
                + site
                + " in the way while the site was being written: move it away and build again");
  }

  @Test
  void aFileWhereAFolderOfTheOutputShouldBe() throws IOException {
    Path file = Files.writeString(dir.resolve("tep.txt"), "x");
    Path site = file.resolve("con/site");
    assertThat(
            WriteProblem.describe(
                new java.nio.file.FileAlreadyExistsException(file.toString()), site))
        .isEqualTo(
            "cannot write the site into "
                + site
                + ": "
                + file
                + " is a file, not a folder: choose another --output");
  }

  @Test
  void anythingElseKeepsTheSystemsReason() {
    Path site = dir.resolve("site");
    assertThat(
            WriteProblem.describe(
                new FileSystemException(
                    dir.resolve("site.tmp-1/a").toString(), null, "Input/output error"),
                site))
        .isEqualTo(
            "cannot write the site into "
                + site
                + ": Input/output error ("
                + dir.resolve("site.tmp-1/a")
                + "): check the disk and build again, or choose another --output");
  }
}
