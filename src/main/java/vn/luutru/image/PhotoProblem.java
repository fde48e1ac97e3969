package vn.luutru.image;

/** A photo that cannot be published, with a message that says why and what to do. */
final class PhotoProblem extends Exception {
  private static final long serialVersionUID = 1L;

  PhotoProblem(String message) {
    super(message, null, false, false);
  }
}
