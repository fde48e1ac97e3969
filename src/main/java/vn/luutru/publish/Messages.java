package vn.luutru.publish;

/** Every message of a deploy, in one place, to be translated. */
final class Messages {
  private Messages() {}

  static final String EMPTY_TARGET =
      "--to: say where to publish: a folder such as /mnt/web/luu-tru, or"
          + " sftp://USER@HOST/FOLDER";
  static final String BAD_FOLDER = "--to: %s is not a folder name this computer can use";
  static final String BAD_SFTP =
      "--to: %s is not an SFTP address: write sftp://USER@HOST/FOLDER (or sftp://USER@HOST:PORT/FOLDER;"
          + " /~/FOLDER for a folder in USER's home); the password goes in LUUTRU_DEPLOY_PASSWORD,"
          + " never in the address";
  static final String BAD_FTP =
      "--to: %s is not an FTP address: write ftps://USER@HOST/FOLDER (or ftp://…, unencrypted;"
          + " HOST:PORT for another port; /~/FOLDER for a folder in USER's home); the password goes"
          + " in LUUTRU_DEPLOY_PASSWORD, never in the address";
  static final String UNKNOWN_SCHEME =
      "--to: %s: luutru publishes to a folder, to sftp://USER@HOST/FOLDER or to"
          + " ftps://USER@HOST/FOLDER";

  static final String NO_SITE =
      "%s is not a site built by luutru (no .luutru file in it): run luutru build first, or name"
          + " the built site with --site";
  static final String ODD_FILE =
      "%s: luutru deploy sends only plain files with ordinary names: remove it from the built site"
          + " (or run luutru build again)";
  static final String SITE_CHANGED =
      "%s changed while it was being sent (did a build run at the same time?): run luutru deploy"
          + " again once the build has finished";
  static final String DAMAGED =
      "%s is damaged (%s): it lists what luutru published there. Delete that file on the target"
          + " and run luutru deploy again: every file is then sent again, and files luutru"
          + " published before are no longer deleted when they go out of the site";
  static final String RESUME =
      "\nThe target holds only whole files, each either the old one or the new one. Once the"
          + " problem is solved, run luutru deploy again: it resumes where it stopped.";

  static final String INSIDE_SITE =
      "%s is the built site or a folder inside it: name the web server's folder with --to";
  static final String NO_FOLDER =
      "no folder %s: is the drive or share mounted? Create the folder or correct --to";
  static final String FOLDER_DENIED =
      "%s: permission denied: ask for write access to the web folder, or choose another --to";
  static final String FOLDER_FAILED = "%s: %s";

  static final String UNREACHABLE =
      "cannot reach %s: %s. Check the address and the port in --to, and the network (is a VPN"
          + " needed?)";
  static final String TIMED_OUT =
      "%s did not answer in time: check the address and the port in --to, and the network";
  static final String LOGIN_REFUSED =
      "%s refused the login of %s: put the right password in the environment variable"
          + " LUUTRU_DEPLOY_PASSWORD, or give the private key that the server knows with"
          + " --identity FILE (tried: %s)";
  static final String HOST_KEY_CHANGED =
      "%s's key is not the one recorded in %s: either the server was reinstalled, or someone is"
          + " pretending to be it. Ask the server's administrator; if the key did change, remove"
          + " the server's line from that file and run luutru deploy again";
  static final String NO_SFTP =
      "%s accepted the login but offers no SFTP: ask the server's administrator to enable it";
  static final String SFTP_NO_FOLDER =
      "no folder %s on %s: create it, or correct the folder in --to";
  static final String SFTP_DENIED =
      "%s on %s: permission denied: ask the server's administrator for write access to %s, or"
          + " choose another folder in --to";
  static final String SFTP_FAILED = "%s on %s: %s";
  static final String CONNECTION_LOST =
      "the connection to %s was lost while working on %s (%s): check the network";
  static final String BAD_KEY =
      "cannot read the private key %s: %s. If it has a passphrase, put it in the environment"
          + " variable LUUTRU_DEPLOY_KEY_PASSPHRASE";

  static final String FTP_NO_PASSWORD =
      "%s: FTP needs a password: put it in the environment variable LUUTRU_DEPLOY_PASSWORD";
  static final String FTP_LOGIN_REFUSED =
      "%s refused the login of %s (%s): put the right password in the environment variable"
          + " LUUTRU_DEPLOY_PASSWORD";
  static final String FTP_NO_TLS =
      "%s does not offer FTP over TLS (%s): use sftp:// if the host has it; ftp:// sends the"
          + " password unencrypted";
  static final String FTP_UNTRUSTED =
      "%s's TLS certificate is not one this computer trusts (%s): nothing was sent. Ask the host"
          + " for a certificate from a known authority, or use sftp:// if the host has it";
  static final String NO_TRUST =
      "this Java has no trusted certificate authorities (%s): install the operating system's"
          + " ca-certificates";
  static final String FTP_DENIED =
      "%s on %s: the server refused (%s): ask the host for write access to %s, or choose another"
          + " folder in --to";
}
