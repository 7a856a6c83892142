/**
 * The EC2 side: subnets, for the HA preflight (how many Availability Zones a service's subnets span). Serves
 * DescribeSubnets over the ec2Query protocol with the Subnet shape, filters, pagination and the errors of the EC2
 * API reference (`InvalidSubnetID.NotFound`, `InvalidSubnetID.Malformed`, `InvalidParameterValue`). Subnets are
 * seeded with `addSubnet`.
 */
import { type AwsQueryService, AwsServiceError } from '../contract.js';
import type { QueryParams, XmlValue } from '../query/protocol.js';

export interface SubnetInput {
  subnetId: string;
  availabilityZone: string;
  vpcId?: string;
  cidrBlock?: string;
  availableIpAddressCount?: number;
  mapPublicIpOnLaunch?: boolean;
}

interface SubnetRecord extends Required<SubnetInput> {
  availabilityZoneId: string;
}

const SUBNET_ID = /^subnet-[0-9a-f]{8,17}$/;
/** DescribeSubnets filters this side understands (the API reference lists more; any other is refused). */
const FILTERS: Record<string, (subnet: SubnetRecord) => string> = {
  'subnet-id': (subnet) => subnet.subnetId,
  'vpc-id': (subnet) => subnet.vpcId,
  'availability-zone': (subnet) => subnet.availabilityZone,
  'availability-zone-id': (subnet) => subnet.availabilityZoneId,
  'cidr-block': (subnet) => subnet.cidrBlock,
  state: () => 'available',
};

export class Ec2Simulator implements AwsQueryService {
  readonly api = 'ec2' as const;
  readonly protocol = 'ec2Query' as const;
  readonly version = '2016-11-15';
  readonly xmlns = 'http://ec2.amazonaws.com/doc/2016-11-15/';
  private readonly subnets = new Map<string, SubnetRecord>();

  constructor(private readonly options: { accountId: string; region: string }) {}

  addSubnet(input: SubnetInput): void {
    if (!SUBNET_ID.test(input.subnetId)) throw new Error(`addSubnet: malformed subnet id ${input.subnetId}`);
    if (!input.availabilityZone.startsWith(this.options.region)) {
      throw new Error(`addSubnet: ${input.availabilityZone} is not in region ${this.options.region}`);
    }
    const letter = input.availabilityZone.slice(this.options.region.length);
    this.subnets.set(input.subnetId, {
      vpcId: 'vpc-0a1b2c3d4e5f60718',
      cidrBlock: `10.0.${this.subnets.size}.0/24`,
      availableIpAddressCount: 250,
      mapPublicIpOnLaunch: false,
      ...input,
      availabilityZoneId: `${regionCode(this.options.region)}-az${letter.charCodeAt(0) - 96}`,
    });
  }

  /** The Availability Zone of a subnet added here (undefined for one it does not know). */
  zoneOf(subnetId: string): string | undefined {
    return this.subnets.get(subnetId)?.availabilityZone;
  }

  async handle(action: string, params: QueryParams): Promise<{ [name: string]: XmlValue }> {
    if (action !== 'DescribeSubnets') {
      throw new AwsServiceError('InvalidAction', `The action ${action} is not valid for this web service.`);
    }
    return this.describeSubnets(params);
  }

  private describeSubnets(params: QueryParams): { [name: string]: XmlValue } {
    const ids = params.list('SubnetId');
    for (const id of ids) {
      if (!SUBNET_ID.test(id)) throw new AwsServiceError('InvalidSubnetID.Malformed', `Invalid id: "${id}"`);
    }
    const missing = ids.filter((id) => !this.subnets.has(id));
    if (missing.length === 1) {
      throw new AwsServiceError('InvalidSubnetID.NotFound', `The subnet ID '${missing[0]}' does not exist`);
    }
    if (missing.length > 1) {
      throw new AwsServiceError('InvalidSubnetID.NotFound', `The subnet IDs '${missing.join(', ')}' do not exist`);
    }
    let found = ids.length > 0 ? ids.map((id) => this.subnets.get(id) as SubnetRecord) : [...this.subnets.values()];
    for (const filter of params.structures('Filter')) {
      const read = FILTERS[filter.Name ?? ''];
      if (!read) throw new AwsServiceError('InvalidParameterValue', `The filter '${filter.Name ?? ''}' is invalid`);
      const values = Object.entries(filter)
        .filter(([key]) => key.startsWith('Value.'))
        .map(([, value]) => value);
      found = found.filter((subnet) => values.includes(read(subnet)));
    }
    const maxResults = params.get('MaxResults');
    const start = Number(params.get('NextToken') ?? 0);
    let page = found.slice(start);
    let nextToken: string | undefined;
    if (maxResults !== undefined) {
      const max = Number(maxResults);
      if (ids.length > 0 || !Number.isInteger(max) || max < 5 || max > 1000) {
        throw new AwsServiceError(
          'InvalidParameterValue',
          ids.length > 0
            ? 'The parameter SubnetIds cannot be used with the parameter MaxResults'
            : `Value ( ${maxResults} ) for parameter maxResults is invalid. Expecting a value between 5 and 1000.`,
        );
      }
      if (page.length > max) nextToken = String(start + max);
      page = page.slice(0, max);
    }
    return { subnetSet: page.map((subnet) => this.subnetShape(subnet)), nextToken };
  }

  private subnetShape(subnet: SubnetRecord): { [name: string]: XmlValue } {
    const { accountId, region } = this.options;
    return {
      subnetId: subnet.subnetId,
      subnetArn: `arn:aws:ec2:${region}:${accountId}:subnet/${subnet.subnetId}`,
      state: 'available',
      vpcId: subnet.vpcId,
      cidrBlock: subnet.cidrBlock,
      availableIpAddressCount: subnet.availableIpAddressCount,
      availabilityZone: subnet.availabilityZone,
      availabilityZoneId: subnet.availabilityZoneId,
      defaultForAz: false,
      mapPublicIpOnLaunch: subnet.mapPublicIpOnLaunch,
      ownerId: accountId,
      assignIpv6AddressOnCreation: false,
      ipv6CidrBlockAssociationSet: [],
      tagSet: [],
    };
  }
}

/** us-east-1 → use1, ap-northeast-2 → apne2: the prefix of Availability Zone IDs. */
function regionCode(region: string): string {
  const [area = '', direction = '', number = ''] = region.split('-');
  return `${area}${direction.replace(/north|south|east|west|central/g, (word) => word.charAt(0))}${number}`;
}
