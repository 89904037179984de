// `npm run bench` only: a bare page with the Fluent UI components the wide tab's first view loads, built by the
// same webpack config, so the tab's initial script can be read as a ratio over what Fluent alone costs. Kept
// to that first view (docs/pages.md, "The bare page"): the light theme only (dark and high contrast are a chunk
// fetched when Teams asks), no search box or radio group (the history and goals views, fetched when chosen).
import {
  Badge,
  Button,
  Card,
  CardHeader,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  FluentProvider,
  Input,
  Link,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  MessageBar,
  MessageBarBody,
  Rating,
  Select,
  Spinner,
  Switch,
  Tab,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TabList,
  Text,
  Textarea,
  teamsLightTheme,
} from '@fluentui/react-components';
import { LockClosedRegular, MoreHorizontalRegular } from '@fluentui/react-icons';
import { createRoot } from 'react-dom/client';

function Baseline() {
  return (
    <FluentProvider theme={teamsLightTheme}>
      <TabList>
        <Tab value="a">A</Tab>
      </TabList>
      <Card>
        <CardHeader header={<Text>Card</Text>} />
        <Badge>b</Badge>
        <Checkbox label="c" />
        <Field label="f">
          <Input />
        </Field>
        <Select>
          <option>o</option>
        </Select>
        <Textarea />
        <Rating />
        <Switch label="s" />
        <Link href="#l">l</Link>
        <Table>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>h</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            <TableRow>
              <TableCell>c</TableCell>
            </TableRow>
          </TableBody>
        </Table>
        <Spinner />
        <MessageBar>
          <MessageBarBody>m</MessageBarBody>
        </MessageBar>
        <Menu>
          <MenuTrigger>
            <Button icon={<MoreHorizontalRegular />} />
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuItem icon={<LockClosedRegular />}>i</MenuItem>
            </MenuList>
          </MenuPopover>
        </Menu>
        <Dialog>
          <DialogSurface>
            <DialogBody>
              <DialogTitle>t</DialogTitle>
              <DialogContent>c</DialogContent>
              <DialogActions>
                <Button>ok</Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      </Card>
    </FluentProvider>
  );
}

createRoot(document.getElementById('root')!).render(<Baseline />);
