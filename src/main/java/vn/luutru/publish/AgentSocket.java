package vn.luutru.publish;

import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import org.apache.sshd.agent.SshAgent;
import org.apache.sshd.agent.SshAgentFactory;
import org.apache.sshd.agent.SshAgentServer;
import org.apache.sshd.agent.common.AbstractAgentProxy;
import org.apache.sshd.common.FactoryManager;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/**
 * The user's SSH agent ({@code SSH_AUTH_SOCK}), reached over its Unix socket with the JDK's own
 * channels: the keys it holds are offered and it signs the login, so a key protected by a
 * passphrase is unlocked once, in the agent, and never read by luutru. MINA SSHD speaks the agent
 * protocol; this class only carries its messages.
 */
final class AgentSocket extends AbstractAgentProxy {
  /** Larger answers are not an agent's: a list of a few hundred keys is far smaller. */
  private static final int MAX_ANSWER = 1 << 20;

  private final SocketChannel channel;

  private AgentSocket(SocketChannel channel) {
    super(null);
    this.channel = channel;
  }

  /** Connects to the agent listening at {@code socket}. */
  static AgentSocket connect(Path socket) throws IOException {
    SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      channel.connect(UnixDomainSocketAddress.of(socket));
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    return new AgentSocket(channel);
  }

  /** Makes the agent at {@code socket} the one a client's logins use. */
  static SshAgentFactory factory(Path socket) {
    return new SshAgentFactory() {
      @Override
      public List<ChannelFactory> getChannelForwardingFactories(FactoryManager manager) {
        return List.of();
      }

      @Override
      public SshAgent createClient(Session session, FactoryManager manager) {
        try {
          return connect(socket);
        } catch (IOException | RuntimeException e) {
          // No agent there after all (it was stopped): the other ways to log in remain.
          return null;
        }
      }

      @Override
      public SshAgentServer createServer(ConnectionService service) {
        throw new UnsupportedOperationException(Messages.get("deploy.agent-no-forwarding"));
      }
    };
  }

  @Override
  public boolean isOpen() {
    return channel.isOpen();
  }

  @Override
  public void close() throws IOException {
    try {
      channel.close();
    } finally {
      super.close();
    }
  }

  /** Sends one framed request (its length is already in its first four bytes); reads the answer. */
  @Override
  protected synchronized Buffer request(Buffer buffer) throws IOException {
    ByteBuffer out = ByteBuffer.wrap(buffer.array(), buffer.rpos(), buffer.available());
    while (out.hasRemaining()) {
      channel.write(out);
    }
    ByteBuffer length = ByteBuffer.allocate(4);
    fill(length);
    int n = length.flip().getInt();
    if (n < 1 || n > MAX_ANSWER) {
      throw new IOException(Messages.get("deploy.agent-message-size", n));
    }
    ByteBuffer answer = ByteBuffer.allocate(n);
    fill(answer);
    return new ByteArrayBuffer(answer.array());
  }

  private void fill(ByteBuffer b) throws IOException {
    while (b.hasRemaining()) {
      if (channel.read(b) < 0) {
        throw new EOFException(Messages.get("deploy.agent-closed"));
      }
    }
  }
}
