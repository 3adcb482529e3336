export type Role = 'customer' | 'staff' | 'admin';

export interface AuthUser {
  id: number;
  email: string;
  name: string;
  role: Role;
}

export interface PublicUser extends AuthUser {
  status: 'active' | 'disabled';
  createdAt: string;
}
