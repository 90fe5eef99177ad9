// `npm run servers -- start|stop`: real ZooKeeper, etcd, Consul and Nacos on loopback for manual use.
import { runServersCli } from '../../test/servers/servers.cli.js';

process.exitCode = await runServersCli(process.argv.slice(2));
